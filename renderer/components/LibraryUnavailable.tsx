/** The first screen when the library's database cannot be opened: what happened, and that nothing was changed. */
export function LibraryUnavailable({ reason }: { reason: string }) {
  return (
    <main className="first-run">
      <section className="first-run-box" role="alert" aria-labelledby="unavailable-title">
        <h1 id="unavailable-title">Factmark cannot open your library</h1>
        <p>{reason}</p>
        <p>
          Nothing was changed or deleted. Close any other Factmark window and try again; if this keeps happening, check
          that the disk is not full.
        </p>
        <button type="button" className="primary" onClick={() => location.reload()}>
          Try again
        </button>
      </section>
    </main>
  );
}
