/**
 * A translated sentence with one part in bold (a site's name): the sentence comes whole from
 * the messages file, so a translation may put the part anywhere in it.
 */
export function Emphasised({ text, part }: { text: string; part: string }) {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) {
    return <>{text}</>;
  }
  return (
    <>
      {text.slice(0, at)}
      <strong>{part}</strong>
      {text.slice(at + part.length)}
    </>
  );
}
