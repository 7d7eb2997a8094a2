import type { ComponentChildren } from 'preact';

/**
 * A file picker that looks like the other buttons (`.file-button` in page.css). `onFile` gets
 * the chosen file; once it is done the picker is emptied, so the same file can be chosen again
 * after a fix.
 */
export function FilePicker({
  accept,
  onFile,
  label,
  children,
}: {
  accept: string;
  onFile(file: File | undefined): Promise<void>;
  /** The picker's accessible name, where its visible text alone would not say enough. */
  label?: string;
  children: ComponentChildren;
}) {
  return (
    <label class="file-button">
      {children}
      <input
        type="file"
        accept={accept}
        aria-label={label}
        onChange={(e) => {
          const input = e.currentTarget;
          void onFile(input.files?.[0]).finally(() => {
            input.value = '';
          });
        }}
      />
    </label>
  );
}
