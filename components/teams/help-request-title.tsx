/** A call for help's title, linked to where the work is when there is a link. */
export function HelpRequestTitle({ title, linkUrl }: { title: string; linkUrl: string | null }) {
  return (
    <p className="font-medium">
      {linkUrl ? (
        <a href={linkUrl} className="text-accent-700 underline dark:text-indigo-300">
          {title}
        </a>
      ) : (
        title
      )}
    </p>
  );
}
