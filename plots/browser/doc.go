// Package browser checks a run's index.html in a real browser: its test
// opens the page from disk (file://) in headless chromium, driven with
// github.com/chromedp/chromedp over the DevTools protocol, and asserts that
// every chart rendered with a non-zero size and that the page fetched
// nothing. It holds no code of its own; the check is in the test, so that
// the report itself does not depend on a browser.
//
// The test skips, saying so in one line, when no chromium is installed;
// `make browser-deps` installs Debian's chromium, and CI (.ci/run) does so
// before `make test`. Each run starts one chromium process (about 1 s on
// an idle 2-core machine) and waits for it to exit.
package browser
