package browser

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A viewport is a screen the page is checked at.
type viewport struct {
	Name          string
	Width, Height int64
	Mobile        bool
}

// viewports are a phone held upright and a desktop window.
var viewports = []viewport{
	{Name: "phone", Width: 390, Height: 844, Mobile: true},
	{Name: "desktop", Width: 1280, Height: 900},
}

// A box is the rendered size of one element of the page.
type box struct {
	ID     string  `json:"id"`
	Tag    string  `json:"tag"`
	Width  float64 `json:"w"`
	Height float64 `json:"h"`
}

// A layout is what layoutJS measures.
type layout struct {
	// ScrollWidth is the document's width, Inner the window's.
	ScrollWidth float64 `json:"scroll"`
	Inner       float64 `json:"inner"`
	// Wide lists up to five elements that reach past the window's right
	// edge outside a container that scrolls (a table's, a <pre>), an
	// SVG's parts left out (the SVG stands for them).
	Wide []string `json:"wide"`
	// Charts are the chart elements (svg, img) inside the page's figures;
	// Cards the answer cards; Verdicts the verdict badges.
	Charts   []box `json:"charts"`
	Cards    []box `json:"cards"`
	Verdicts []box `json:"verdicts"`
	// AnswerBottom is how far down the page, at its top, the first card's
	// "use" line ends (0 when there is none); Cut lists up to five
	// headings whose text overflows them; TOC is the text of every entry
	// of the contents list.
	AnswerBottom float64  `json:"answerBottom"`
	InnerHeight  float64  `json:"innerHeight"`
	Cut          []string `json:"cut"`
	TOC          []string `json:"toc"`
}

// layoutJS measures the page as it is laid out now.
const layoutJS = `(() => {
	window.scrollTo(0, 0);
	const use = document.querySelector("section.card p.use");
	const answerBottom = use ? use.getBoundingClientRect().bottom : 0;
	const cut = Array.from(document.querySelectorAll("h1, h2, h3, h4, summary"))
		.filter(e => e.getClientRects().length > 0 && e.scrollWidth > e.clientWidth + 1)
		.slice(0, 5).map(e => e.textContent.trim());
	const toc = Array.from(document.querySelectorAll("nav a")).map(a => a.textContent.trim());
	// The charts of the cards are behind <details>: open them to measure.
	const closed = Array.from(document.querySelectorAll("details:not([open])"));
	closed.forEach(d => d.open = true);
	const boxes = sel => Array.from(document.querySelectorAll(sel)).map(e => {
		const r = e.getBoundingClientRect();
		return {id: e.id || (e.closest("figure") || {}).id || "", tag: e.tagName.toLowerCase(), w: r.width, h: r.height};
	});
	const wide = Array.from(document.querySelectorAll("body *"))
		.filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest(".scroll, pre") && !(e.parentElement && e.parentElement.closest("svg")))
		.slice(0, 5)
		.map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className : ""));
	const out = {
		scroll: document.documentElement.scrollWidth,
		inner: window.innerWidth,
		wide: wide,
		charts: boxes("figure svg, figure img, main > svg, main > img"),
		cards: boxes("section.card"),
		verdicts: boxes("li.verdict"),
		answerBottom: answerBottom,
		innerHeight: window.innerHeight,
		cut: cut,
		toc: toc,
	};
	closed.forEach(d => d.open = false);
	window.scrollTo(0, 0);
	return out;
})()`

// checkViewport lays the loaded page out at vp and checks that the page
// is no wider than the window, that every chart, card and verdict badge
// want names is there with a non-zero size; with shots not "", it saves
// the top of the page (the window's view, scrolled to the top) as
// shot-<vp.Name>.png in shots.
func checkViewport(t *testing.T, ctx context.Context, page string, vp viewport, want pageWant, shots string) {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if vp.Mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.Width, vp.Height, opts...)); err != nil {
		t.Fatalf("%s: emulating %s (%d × %d): %v", page, vp.Name, vp.Width, vp.Height, err)
	}
	l, err := chromedp.Run(ctx, chromedp.Evaluate[layout](layoutJS))
	if err != nil {
		t.Fatalf("%s at %s width: measuring the page: %v", page, vp.Name, err)
	}
	// A mobile browser may zoom out to show a page wider than the screen,
	// which widens the window in CSS pixels: it must keep the screen's.
	if l.Inner > float64(vp.Width)+1 {
		t.Errorf("%s at %s width: the window is %g px wide in CSS pixels for a %d px screen: the browser zoomed out to fit the page; past the edge: %v", page, vp.Name, l.Inner, vp.Width, l.Wide)
	}
	if l.ScrollWidth > l.Inner+1 {
		t.Errorf("%s at %s width (%g px): the page is %g px wide, scrolls sideways; past the edge: %v", page, vp.Name, l.Inner, l.ScrollWidth, l.Wide)
	}
	t.Logf("%s %d × %d: page %g px wide in a %g px window; %d charts, %d cards, %d verdicts", vp.Name, vp.Width, vp.Height, l.ScrollWidth, l.Inner, len(l.Charts), len(l.Cards), len(l.Verdicts))
	// The first screen shows the answer: the first card's "use" line.
	if want.Cards > 0 && !(l.AnswerBottom > 0 && l.AnswerBottom <= l.InnerHeight) {
		t.Errorf("%s at %s width: the first answer ends %g px down, below the first screen (%g px)", page, vp.Name, l.AnswerBottom, l.InnerHeight)
	}
	if len(l.Cut) > 0 {
		t.Errorf("%s at %s width: titles cut: %q", page, vp.Name, l.Cut)
	}
	for _, e := range l.TOC {
		for _, chart := range []string{"Batch time", "Task completion", "Speedup over", "Go vs CPython, speedup", "Shared counter", "Time against memory", "Crash isolation", "Allocation-bound"} {
			if strings.HasPrefix(e, chart) {
				t.Errorf("%s: the contents list has a chart entry, %q", page, e)
			}
		}
	}
	checkBoxes(t, page, vp.Name, "charts", l.Charts, want.Charts)
	checkBoxes(t, page, vp.Name, "answer cards", l.Cards, want.Cards)
	checkBoxes(t, page, vp.Name, "verdict badges", l.Verdicts, want.Verdicts)
	if shots == "" {
		return
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("window.scrollTo(0, 0), true")); err != nil {
		t.Fatalf("%s at %s width: scrolling to the top: %v", page, vp.Name, err)
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("%s at %s width: screenshot: %v", page, vp.Name, err)
	}
	path := filepath.Join(shots, "shot-"+vp.Name+".png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatalf("saving the %s screenshot: %v", vp.Name, err)
	}
	t.Logf("%s: %s", vp.Name, path)
}

// checkBoxes checks that the page shows want of the elements (any number
// above 0 when want < 0), each with a non-zero size.
func checkBoxes(t *testing.T, page, width, what string, got []box, want int) {
	t.Helper()
	if want >= 0 && len(got) != want || want < 0 && len(got) == 0 {
		t.Errorf("%s at %s width shows %d %s, want %d", page, width, len(got), what, want)
	}
	for _, b := range got {
		if !(b.Width > 0 && b.Height > 0) {
			t.Errorf("%s at %s width: %s %s (<%s>) rendered %g × %g", page, width, what, b.ID, b.Tag, b.Width, b.Height)
		}
	}
}
