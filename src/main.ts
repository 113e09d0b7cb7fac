// Mounts the page (and the bench hook, only when the URL asks for it with ?bench).
import { mount } from 'svelte';
import App from './App.svelte';
import { installBenchHook } from './ui/bench-hook';
import './ui/theme.css';

import { adoptInlineRenderer } from './ui/share/save-report';

// A saved report runs this very script inline: keep its text so the report can be saved again.
adoptInlineRenderer(document.currentScript);
installBenchHook();
const target = document.getElementById('app');
if (target) mount(App, { target });
