//! End-to-end browser tests of the built app (headless Chromium via WebDriver).
// TEMPORARY: the tooling helper replaces this file.
