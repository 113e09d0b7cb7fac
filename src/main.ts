// Mounts the page (and the bench hook, only when the URL asks for it with ?bench), then starts
// the analysis engine at once, so the first drop finds it warm: its scripts load while the page
// paints, and the worker compiles them on a thread of its own. It used to wait for the page's load
// event and an idle callback; measured against that, first contentful paint is unchanged and a
// drop right after load is reported sooner (README, "Bench"). ?cold leaves the engine to the
// first drop: the bench's cold-page rows, and the end-to-end tests of what a drop alone loads. A
// saved report has no engine.
import { mount } from 'svelte';
import App from './App.svelte';
import { installBenchHook } from './ui/bench-hook';
import { rehearseAfterPrewarm } from './ui/report/rehearsal';
import './ui/theme.css';

import { adoptInlineRenderer } from './ui/share/save-report';

// A saved report runs this very script inline: keep its text so the report can be saved again.
adoptInlineRenderer(document.currentScript);
// A saved report is read-only and its CSP allows no worker: it never starts the engine.
const saved = document.documentElement.dataset.saved === 'yes';
installBenchHook();
const target = document.getElementById('app');
if (target) mount(App, { target });
if (!saved && !new URLSearchParams(location.search).has('cold')) rehearseAfterPrewarm();
