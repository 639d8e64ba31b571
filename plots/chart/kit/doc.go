// Package kit is the drawing kit of the report's charts, on
// gonum.org/v1/plot: the palette that gives each strategy one colour,
// marker and dash in every chart (NewPalette), the markers and their
// rings, series of medians with their intervals (AddDots) and reference
// curves (AddRef), horizontal bars with every sample (HBars), axes on log
// and linear scales with legible ticks (LogY, NominalX, DurationTicks,
// MeasuredTicks), and labels placed clear of the points (PointLabels).
// Package chart composes the charts from it; nothing else imports it.
//
// Every function draws on the plot it is given and keeps no state. Tick
// generators stop at MaxTicks ticks whatever the range, and series skip
// values that are not finite.
package kit
