export function SecretOnce({ secret }: { secret: string }) {
  return (
    <p role="status" className="text-sm">
      Signing secret (shown once; give it to the partner privately):{" "}
      <code data-testid="webhook-secret" className="select-all rounded bg-stone-100 px-1 break-all dark:bg-stone-800">
        {secret}
      </code>
    </p>
  );
}
