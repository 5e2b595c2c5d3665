// Taking the view elsewhere: PNG and GraphML of the canvas, a link that restores the view, and the GraphQL
// documents behind it for a dashboard.

function download(name, href) {
  const a = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

export function attachSharing({ canvas, fileStem, documents, status }) {
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
  $('copy-query').addEventListener('click', () => copy(
    `# POST to /graphql as {"query": ..., "operationName": ...}; asOf and filters are in the arguments.\n${documents().join('\n\n')}`,
    'Query'));
}
