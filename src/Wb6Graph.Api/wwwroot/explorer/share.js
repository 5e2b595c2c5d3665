// Taking the view elsewhere: PNG and GraphML of the canvas, a link that restores the view, and the GraphQL
// documents behind it for a dashboard.

function download(name, href) {
  const a = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
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

  async function copy(text, what) {
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
    status(`${what} copied.`);
  }

  $('export-png').addEventListener('click', () => download(`${fileStem()}.png`, canvas.png()));
  $('export-graphml').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([canvas.graphml()], { type: 'application/graphml+xml' }));
    download(`${fileStem()}.graphml`, url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  $('copy-link').addEventListener('click', () => copy(location.href, 'Link'));
  $('copy-query').addEventListener('click', () => copy(queryText(requests()), 'Query'));
}
