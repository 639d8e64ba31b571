// Package browser checks a run's index.html in a real browser: its test
// opens the page from disk (file://) in headless chromium, driven with
// github.com/chromedp/chromedp over the DevTools protocol, and asserts that
// the page fetched nothing; then, laid out at a phone's width (390 × 844,
// mobile) and at a desktop's (1280 × 900), that the page is no wider than
// the window (document.documentElement.scrollWidth ≤ window.innerWidth + 1,
// and a phone's window keeps its width: the browser did not zoom out to
// fit), that every chart rendered with a non-zero size, and that every
// answer card (one per Choice) and verdict badge is there with a non-zero
// size. It holds no code of its own; the check is in the test, so that the
// report itself does not depend on a browser.
//
// It checks a page generated from results/example into a temporary
// folder, and a committed page: the index.html of the run folder named by
// CONCBENCH_RUN, else results/example's. With CONCBENCH_SHOTS=<dir> it
// writes the top of that committed page at each width into dir as
// shot-phone.png and shot-desktop.png (`make report-shots RUN=…`).
//
// The test skips, saying so in one line, when no chromium is installed;
// `make browser-deps` installs Debian's chromium, and CI (.ci/run) does so
// before `make test`. Each page starts one chromium process (about 1 s on
// an idle 2-core machine) and waits for it to exit.
package browser
