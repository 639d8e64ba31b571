// Package unitfmt writes the report's figures in text, the same way
// everywhere: a number with about three significant digits (Num: "1.95",
// "31", "1.2e+06"; "—" for NaN, "∞"), an estimate with its interval (Est:
// "1.95 [1.90, 1.99]"), a time in the unit that suits it (Ns: "312ns",
// "10.2ms"; FormatTime with a space inside a sentence, or every digit for
// a tick label), a p-value (Pval: "0.002"), a share (Percent: "10 %"),
// and a name made safe for a file or an id (Slug). The functions are pure.
package unitfmt
