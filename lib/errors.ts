// Expected failures: their messages are written for the user and safe to show.
// Anything else is unexpected: logged on the server, replaced by a generic message.

export class ExpectedError extends Error {
  constructor(
    message: string,
    readonly code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID",
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class AuthenticationRequiredError extends ExpectedError {
  constructor(message = "Your session has ended. Sign in again to continue.") {
    super(message, "UNAUTHENTICATED");
  }
}

export class ForbiddenError extends ExpectedError {
  constructor(message = "Your role does not allow this.") {
    super(message, "FORBIDDEN");
  }
}

export class NotFoundError extends ExpectedError {
  constructor(message = "That record does not exist or was removed.") {
    super(message, "NOT_FOUND");
  }
}

export class ConflictError extends ExpectedError {
  constructor(message: string) {
    super(message, "CONFLICT");
  }
}

/** A rule about the input that only the server can check (e.g. "the last admin"). */
export class RuleViolationError extends ExpectedError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message, "INVALID");
  }
}
