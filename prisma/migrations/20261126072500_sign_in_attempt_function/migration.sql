-- Hand-written: counts one sign-in attempt atomically (row lock), opening a new
-- window when the old one passed or a lock expired, and locking the key once
-- attempts exceed the limit. Used by lib/auth/throttle.ts.
CREATE FUNCTION "count_sign_in_attempt"(attempt_key text, attempt_limit integer, window_seconds integer, lock_seconds integer)
RETURNS TABLE (attempts integer, locked_until timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  entry "SignInThrottle";
BEGIN
  INSERT INTO "SignInThrottle" (key, failures, "windowStartedAt", "updatedAt")
  VALUES (attempt_key, 0, now(), now())
  ON CONFLICT (key) DO NOTHING;

  SELECT * INTO entry FROM "SignInThrottle" WHERE key = attempt_key FOR UPDATE;

  IF entry."lockedUntil" > now() THEN
    RETURN QUERY SELECT entry.failures, entry."lockedUntil";
    RETURN;
  END IF;

  IF entry."lockedUntil" IS NOT NULL OR entry."windowStartedAt" < now() - make_interval(secs => window_seconds) THEN
    entry.failures := 0;
    entry."windowStartedAt" := now();
    entry."lockedUntil" := NULL;
  END IF;

  entry.failures := entry.failures + 1;
  IF entry.failures > attempt_limit THEN
    entry."lockedUntil" := now() + make_interval(secs => lock_seconds);
  END IF;

  UPDATE "SignInThrottle"
     SET failures = entry.failures, "windowStartedAt" = entry."windowStartedAt", "lockedUntil" = entry."lockedUntil", "updatedAt" = now()
   WHERE key = attempt_key;

  -- Housekeeping: keys quiet for longer than a window plus a lock are forgotten.
  DELETE FROM "SignInThrottle"
   WHERE "updatedAt" < now() - make_interval(secs => window_seconds + lock_seconds)
     AND key <> attempt_key;

  RETURN QUERY SELECT entry.failures, entry."lockedUntil";
END;
$$;
