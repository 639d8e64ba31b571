package plots

// cardsTemplate renders a cardsView: the section "at-a-glance" with a card
// per workload (section.card#card-…) and a badge per verdict
// (li.verdict#verdict-…). It is parsed with pageTemplate, as "cards".
const cardsTemplate = `{{define "cards"}}<section class="glance" aria-labelledby="at-a-glance">
<h2 id="at-a-glance">At a glance</h2>
<p class="legend">Per workload, the strategy to use (the simplest not significantly slower than the fastest), its speedup over sequential, and every strategy's time per batch on a log scale, fastest first:
<span class="key use">use</span> <span class="key good">fastest or as good (within {{.Within}})</span> <span class="key unclear">undecided</span> <span class="key avoid">avoid</span>.
The <a href="#which-strategy-for-which-work">table</a> has every figure.{{if .Warnings}} This run has <a href="#warnings">warnings</a>.{{end}}</p>
<div class="cards">
{{- range $c := .Cards}}
<section class="card" id="{{$c.ID}}">
<h3>{{$c.Workload}} <span class="procs">procs={{$c.Procs}}</span></h3>
{{- if $c.Reason}}
<p class="use">{{$c.Reason}}</p>
{{- else}}
<p class="use">Use <strong>{{$c.Use}}</strong>{{with $c.Versus}} <span class="versus">({{.}})</span>{{end}}</p>
<p class="speedup">{{$c.Speedup}}</p>
<ol class="bars" aria-label="time per batch, log scale">
{{- range $c.Bars}}
<li class="{{.Class}}" title="{{.Title}}"><span class="name">{{.Name}}{{with .Tag}} <span class="tag">{{.}}</span>{{end}}</span><span class="track"><span class="fill" style="width: {{.Width}}%"></span></span><span class="time">{{.Label}}</span></li>
{{- end}}
</ol>
<p class="avoid">{{$c.Avoid}}</p>
{{- with $c.Lists}}
<details><summary>{{$c.Summary}}</summary>
{{- range .}}
<p><strong>{{.Title}}:</strong> {{.Items}}</p>
{{- end}}
</details>
{{- end}}
{{- end}}
</section>
{{- end}}
</div>
{{- with .Verdicts}}
<h3 class="verdicts-title">Verdicts: {{$.Tally}} (<a href="#verdicts">table</a>)</h3>
<ul class="verdicts">
{{- range .}}
<li class="verdict {{.Class}}" id="{{.ID}}"><span class="badge {{.Class}}">{{.Outcome}}</span> <span class="lesson">{{.Label}}</span> <span class="headline" title="{{.Claim}}">{{.Headline}}</span>
<span class="figure">{{.Figure}}</span>{{if .Chart}} <a class="chart-link" href="#{{.Chart}}">chart</a>{{end}}
{{- with .FullFigure}}<details><summary>whole figure</summary>{{.}}</details>{{end}}</li>
{{- end}}
</ul>
{{- end}}
</section>
{{end}}`

// cardsStyle styles the cards; the page's <style> includes it.
const cardsStyle = `.glance { margin: 1rem 0 2rem; }
.legend { font-size: 0.85rem; color: #333; }
.key { display: inline-block; padding: 0 0.35rem; border-radius: 0.2rem; border-left: 0.8rem solid; background: #f6f6f6; }
.key.use { border-color: #0072b2; }
.key.good { border-color: #009e73; }
.key.unclear { border-color: #999; }
.key.avoid { border-color: #d55e00; }
li.use .fill { background: #0072b2; }
li.good .fill { background: #009e73; }
li.unclear .fill { background: #999; }
li.avoid .fill { background: #d55e00; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); gap: 1rem; align-items: start; }
.card { border: 1px solid #ccc; border-radius: 0.4rem; padding: 0.6rem 0.8rem; min-width: 0; }
.card h3 { font-size: 1rem; margin: 0 0 0.3rem; }
.card .procs { font-weight: normal; color: #555; font-size: 0.85rem; }
.card p { margin: 0.25rem 0; font-size: 0.9rem; }
.card p.use strong { font-size: 1.15rem; color: #0050a0; }
.card .versus, .card .speedup { color: #333; }
.card p.avoid { color: #8a3a00; font-size: 0.85rem; }
.card details { font-size: 0.8rem; }
ol.bars { list-style: none; padding: 0; margin: 0.4rem 0; font-size: 0.75rem; }
ol.bars li { display: grid; grid-template-columns: minmax(0, 11rem) minmax(3rem, 1fr) 4.4rem; gap: 0.4rem; align-items: center; line-height: 1.3; }
ol.bars .name { overflow-wrap: anywhere; }
ol.bars li.use .name { font-weight: bold; }
ol.bars .tag { font-size: 0.65rem; padding: 0 0.2rem; border-radius: 0.2rem; background: #0072b2; color: #fff; }
ol.bars li.good .tag { background: #009e73; }
ol.bars .track { display: block; background: #eee; height: 0.6rem; border-radius: 0.15rem; }
ol.bars .fill { display: block; height: 100%; border-radius: 0.15rem; }
ol.bars .time { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.verdicts-title { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
ul.verdicts { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); gap: 0.5rem; font-size: 0.85rem; }
li.verdict { border: 1px solid #ccc; border-left-width: 0.35rem; border-radius: 0.3rem; padding: 0.35rem 0.6rem; min-width: 0; }
li.verdict.pass { border-left-color: #009e73; }
li.verdict.fail { border-left-color: #c0392b; }
li.verdict.inconclusive { border-left-color: #b58900; }
.badge { display: inline-block; font-weight: bold; font-size: 0.7rem; padding: 0.05rem 0.35rem; border-radius: 0.2rem; color: #fff; }
.badge.pass { background: #007a5a; }
.badge.fail { background: #c0392b; }
.badge.inconclusive { background: #8a6d00; }
li.verdict .lesson { font-weight: bold; }
li.verdict .figure { display: block; color: #333; font-size: 0.8rem; }
.scroll { overflow-x: auto; max-width: 100%; }
`
