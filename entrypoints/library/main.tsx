import { render } from 'preact';
import { createBrowserServices } from '../../components/library/browser-services';
import { LibraryApp } from '../../components/library/LibraryApp';
import '../../components/library/library.css';

const root = document.getElementById('app');
if (root) render(<LibraryApp services={createBrowserServices()} />, root);
