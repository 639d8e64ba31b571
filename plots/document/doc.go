// Package document holds a report as blocks of text (headings,
// paragraphs, lists, tables and charts) and renders the same blocks as
// Markdown and as one self-contained HTML page, so that REPORT.md and
// index.html never differ in what they say.
//
// Text inside a block is inline Markdown, written by the report's
// builders, which escape table cells with Escape. The Markdown renderer
// writes the blocks as they are; the HTML renderer turns each block's
// Markdown into HTML with goldmark (CommonMark with GFM tables) and
// renders what has structure itself: headings get ids and make the
// table of contents, tables scroll sideways in a box of their own, a
// Figure is its chart's SVG inline, and a Cell that links a chart points
// to that figure on the page. Raw HTML in the text is shown as text.
//
// The page loads nothing: its styles are inline, its charts are inline
// SVG, it holds no script. Its template and styles are the embedded files
// page.html, page.css and glance.html. A Glance, the answer at a glance,
// is rendered on the page only, between the lead and the body.
//
// A Doc is a value; rendering it does not change it, and two goroutines
// may render one Doc at once.
package document
