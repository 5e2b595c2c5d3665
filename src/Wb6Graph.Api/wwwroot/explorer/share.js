// Taking the view elsewhere: PNG and GraphML of the canvas, a link that restores the view, and the GraphQL
// documents behind it for a dashboard (the Share menu); and the copying and downloading the reports use.

/** Downloads a file: `what` is an address (a data: URL) or a Blob. */
function download(name, what) {
  const href = what instanceof Blob ? URL.createObjectURL(what) : what;
  const a = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  if (what instanceof Blob) setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/**
 * The requests behind a view as one text a dashboard can take apart: the operations, each with its variables on the
 * comment line above it. The variables are what the view chose (ids, date, filters); the documents stay the same.
 */
function queryText(requests) {
  const head = '# The GraphQL behind this view. Send one operation with its variables: POST /graphql\n'
    + '# {"query": ..., "operationName": ..., "variables": ...}, or GET /graphql?query=...&operationName=...&variables=...';
  return [head, ...requests.map(r => `# ${r.operationName} variables: ${JSON.stringify(r.variables)}\n${r.query}`)].join('\n\n');
}

export function attachSharing({ canvas, fileStem, requests, status }) {
  const $ = id => document.getElementById(id);

  /**
   * Copies a text, and says so: beside the button pressed when it has a place for that (`said`, a live region after
   * it, so the words cover nothing and a screen reader hears them), else in the page's status line.
   */
  async function copy(text, what, said = null) {
    window.explorer.lastCopied = text;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without clipboard permission (plain http on another host, some headless browsers) the old way still works.
      const area = $('clipboard');
      area.value = text;
      area.select();
      document.execCommand('copy');
    }
    if (!said) { status(`${what} copied.`); return; }
    said.innerHTML = `<span aria-hidden="true">✓ </span>Copied<span class="visually-hidden">: ${what.charAt(0).toLowerCase()}${what.slice(1)}</span>`;
    clearTimeout(said.timer);
    said.timer = setTimeout(() => { said.textContent = ''; }, 4000);
  }

  $('export-png').addEventListener('click', () => download(`${fileStem()}.png`, canvas.png()));
  $('export-graphml').addEventListener('click', () => download(`${fileStem()}.graphml`, new Blob([canvas.graphml()], { type: 'application/graphml+xml' })));
  $('copy-link').addEventListener('click', () => copy(location.href, 'Link'));
  $('copy-query').addEventListener('click', () => copy(queryText(requests()), 'Query'));
  // The menu closes once used, and when the pointer goes elsewhere.
  const menu = $('share-menu');
  menu.addEventListener('click', e => { if (e.target.closest('button, a')) menu.open = false; });
  document.addEventListener('pointerdown', e => { if (menu.open && !menu.contains(e.target)) menu.open = false; });
  return { copy, download };
}
