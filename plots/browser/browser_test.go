package browser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/concbench/concbench/plots"
	"github.com/concbench/concbench/runfile"
	"go.uber.org/goleak"
)

// TestMain checks that no goroutine outlives the tests, the browser's
// included; what runs before them (ants' default pool, started by an
// import) is not the tests'.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}

// exampleRun is the example run checked into the repository.
const exampleRun = "../../results/example"

// browserNames are the names chromium goes by on the PATH.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"}

// findBrowser returns the path of an installed chromium, or skips the test.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range browserNames {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skipf("no chromium on the PATH (looked for %s): `make browser-deps` installs it", strings.Join(browserNames, ", "))
	return ""
}

// TestIndexHTMLInChromium regenerates the example's report into a copy of
// the run folder and opens its index.html in chromium, and does the same
// for a committed page: the index.html of the run folder named by
// CONCBENCH_RUN, else results/example/index.html when it exists. With
// CONCBENCH_SHOTS=<dir> it saves that committed page's top at a phone
// width and at a desktop width as shot-phone.png and shot-desktop.png in
// dir (make report-shots).
func TestIndexHTMLInChromium(t *testing.T) {
	browser := findBrowser(t)
	dir := t.TempDir()
	for _, name := range []string{runfile.RawFile, runfile.BenchstatFile, "python.txt", runfile.IncompleteFile} {
		data, err := os.ReadFile(filepath.Join(exampleRun, name))
		if err != nil {
			if name == runfile.RawFile {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := plots.Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("generated", func(t *testing.T) {
		checkPage(t, browser, filepath.Join(dir, runfile.HTMLFile), wantOf(rep, true), "")
	})
	t.Run("page", func(t *testing.T) {
		run, named := os.LookupEnv(runEnv)
		if !named {
			run = exampleRun
		}
		page := filepath.Join(run, runfile.HTMLFile)
		if _, err := os.Stat(page); err != nil {
			if named {
				t.Fatalf("%s=%s: %v (make report RUN=%s first)", runEnv, run, err, run)
			}
			t.Skipf("%s not generated yet (make report RUN=%s)", page, run)
		}
		rep, err := plots.Build(run)
		if err != nil {
			t.Fatal(err)
		}
		checkPage(t, browser, page, wantOf(rep, false), os.Getenv(shotsEnv))
	})
}

// The environment variables of TestIndexHTMLInChromium: the run folder
// whose index.html it checks besides the generated one, and the folder
// that gets its screenshots.
const (
	runEnv   = "CONCBENCH_RUN"
	shotsEnv = "CONCBENCH_SHOTS"
)

// A pageWant is what a page must show: Charts inline SVG charts (any
// number > 0 when negative), Cards answer cards (one per Choice) and
// Verdicts verdict badges.
type pageWant struct {
	Charts, Cards, Verdicts int
}

// wantOf is what the page of rep shows; the chart count is exact only
// when exact (a committed page may predate a chart's removal from the
// code, never its cards).
func wantOf(rep *plots.Report, exact bool) pageWant {
	w := pageWant{Charts: -1, Cards: len(rep.Choices), Verdicts: len(rep.Verdicts)}
	if rep.Python != nil {
		w.Verdicts += len(rep.Python.Verdicts)
	}
	if exact {
		w.Charts = len(rep.Charts)
		if rep.Python != nil {
			w.Charts += len(rep.PythonCharts)
		}
	}
	return w
}

// checkPage loads page from disk in chromium and checks that nothing but
// the page itself was requested; then, at each of viewports, that it
// fits the width and shows what want says (checkViewport). It saves a
// full-page screenshot in the test's artifact directory, and the top of
// the page at each viewport in shots when shots is not "".
func checkPage(t *testing.T, browser, page string, want pageWant, shots string) {
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(abs)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.NoSandbox, // CI runs as root, where chromium's sandbox refuses to start
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(t.TempDir()),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()

	var mu sync.Mutex
	var requests []string
	err = chromedp.Listen(bctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", browser, err)
	}
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("%s: enabling network events: %v", browser, err)
	}
	if err := chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
		t.Fatalf("loading %s in %s: %v", url, browser, err)
	}
	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatalf("%s: screenshot: %v", url, err)
	}
	for _, vp := range viewports {
		checkViewport(t, bctx, page, vp, want, shots)
	}
	if err := chromedp.Cancel(bctx); err != nil {
		t.Errorf("closing %s: %v", browser, err)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		if r != url {
			t.Errorf("%s fetched %s; the page must be self-contained", page, r)
		}
	}
	shotPath := filepath.Join(t.ArtifactDir(), "index.jpg")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d request(s); screenshot %s (kept with go test -artifacts)", len(requests), shotPath)
}
