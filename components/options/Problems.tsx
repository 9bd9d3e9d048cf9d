/** Why a file was refused: what and where, one line each (shown as text). */
export function Problems({ title, problems }: { title: string; problems: readonly string[] }) {
  return (
    <div class="o-problems">
      <p>{title}</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
