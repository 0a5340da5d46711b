import { render } from 'preact';

function Library() {
  return <main><h1>ClaimTrail library</h1></main>;
}

const root = document.getElementById('app');
if (root) render(<Library />, root);
