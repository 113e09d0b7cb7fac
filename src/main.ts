// Mounts the page (and the bench hook, only when the URL asks for it with ?bench), then starts the
// analysis engine when the page is idle so the first drop finds it warm (?bench&cold leaves it
// to the first drop, for the bench's cold-page rows; a saved report has no engine).
import { mount } from 'svelte';
import App from './App.svelte';
import { prewarmEngineWhenIdle } from './engine/client';
import { installBenchHook } from './ui/bench-hook';
import './ui/theme.css';

import { adoptInlineRenderer } from './ui/share/save-report';

// A saved report runs this very script inline: keep its text so the report can be saved again.
adoptInlineRenderer(document.currentScript);
installBenchHook();
const target = document.getElementById('app');
if (target) mount(App, { target });
const query = new URLSearchParams(location.search);
// A saved report is read-only and its CSP allows no worker: it never starts the engine.
const saved = document.documentElement.dataset.saved === 'yes';
if (!saved && !(query.has('bench') && query.has('cold'))) prewarmEngineWhenIdle();
