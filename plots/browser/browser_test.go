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
	"go.uber.org/goleak"

	"github.com/concbench/concbench/plots"
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

// A chartBox is the rendered size of one chart element on the page.
type chartBox struct {
	ID     string  `json:"id"`
	Tag    string  `json:"tag"`
	Width  float64 `json:"w"`
	Height float64 `json:"h"`
}

// chartBoxesJS lists every chart element (svg, img) inside the page's
// figures with its rendered size.
const chartBoxesJS = `Array.from(document.querySelectorAll("figure svg, figure img, main > svg, main > img")).map(e => {
	const r = e.getBoundingClientRect();
	return {id: (e.closest("figure") || {}).id || "", tag: e.tagName.toLowerCase(), w: r.width, h: r.height};
})`

// TestIndexHTMLInChromium regenerates the example's report into a copy of
// the run folder and opens its index.html in chromium, and does the same
// for results/example/index.html itself when it exists.
func TestIndexHTMLInChromium(t *testing.T) {
	browser := findBrowser(t)
	dir := t.TempDir()
	for _, name := range []string{plots.RawFile, plots.BenchstatFile, "python.txt", plots.IncompleteFile} {
		data, err := os.ReadFile(filepath.Join(exampleRun, name))
		if err != nil {
			if name == plots.RawFile {
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
	charts := len(rep.Charts)
	if rep.Python != nil {
		charts += len(rep.Python.Charts)
	}
	t.Run("generated", func(t *testing.T) {
		checkPage(t, browser, filepath.Join(dir, plots.HTMLFile), charts)
	})
	t.Run("example", func(t *testing.T) {
		page := filepath.Join(exampleRun, plots.HTMLFile)
		if _, err := os.Stat(page); err != nil {
			t.Skipf("%s not generated yet (make report RUN=%s)", page, exampleRun)
		}
		checkPage(t, browser, page, -1)
	})
}

// checkPage loads page from disk in chromium, checks that it shows want
// charts (any number > 0 when want < 0), each with a non-zero size, and
// that nothing but the page itself was requested; it saves a screenshot
// in the test's artifact directory.
func checkPage(t *testing.T, browser, page string, want int) {
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
	boxes, err := chromedp.Run(bctx, chromedp.Evaluate[[]chartBox](chartBoxesJS))
	if err != nil {
		t.Fatalf("%s: measuring the charts: %v", url, err)
	}
	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(80))
	if err != nil {
		t.Fatalf("%s: screenshot: %v", url, err)
	}
	if err := chromedp.Cancel(bctx); err != nil {
		t.Errorf("closing %s: %v", browser, err)
	}

	if want >= 0 && len(boxes) != want || len(boxes) == 0 {
		t.Errorf("%s shows %d charts, want %d", page, len(boxes), want)
	}
	for _, b := range boxes {
		if !(b.Width > 0 && b.Height > 0) {
			t.Errorf("chart %s (<%s>) rendered %g × %g", b.ID, b.Tag, b.Width, b.Height)
		}
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
	t.Logf("%d charts rendered, %d request(s); screenshot %s (kept with go test -artifacts)", len(boxes), len(requests), shotPath)
}
