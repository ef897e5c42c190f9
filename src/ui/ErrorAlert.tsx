/** A problem the user must see, announced by screen readers; nothing when there is none. */
export function ErrorAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" class="save-error">
      {message}
    </p>
  );
}
