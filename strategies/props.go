package strategies

import "github.com/concbench/concbench/runfile"

// PropsOf returns the properties of the strategy called name, or an error
// that lists the valid names. Each strategy declares its properties next
// to its code; the driver writes them into raw.txt
// (runfile.ConfigKey, runfile.Props.String).
func PropsOf(name string) (runfile.Props, error) {
	e, err := lookup(name)
	if err != nil {
		return runfile.Props{}, err
	}
	return e.props, nil
}
