package console

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/electionbot/electionbot/bot"
)

// charts writes chart images: to keepIn when set, else to one folder of
// the session's own, made on the first chart and removed at close, so
// that sessions leave no folders behind.
type charts struct {
	keepIn string
	temp   string // the session's folder, once made
	n      int    // images written, for unique names
}

// save writes img and returns the line that tells the user where it is,
// or why it is not saved. session says whether a folder of the
// session's own may be made.
func (c *charts) save(img *bot.Image, session bool) string {
	dir := c.keepIn
	note := ""
	switch {
	case dir != "":
	case !session:
		return "(Chart not saved: -out DIR saves charts.)"
	case c.temp == "":
		d, err := os.MkdirTemp("", "electionbot-")
		if err != nil {
			return fmt.Sprintf("(could not save the chart: %v)", err)
		}
		c.temp = d
		note = "\n(Charts are kept in this folder until the session ends; -out DIR keeps them.)"
		dir = d
	default:
		dir = c.temp
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Sprintf("(could not save the chart: %v)", err)
	}
	c.n++
	path := filepath.Join(dir, fmt.Sprintf("%02d-%s", c.n, filepath.Base(img.Name)))
	if err := os.WriteFile(path, img.PNG, 0o644); err != nil {
		return fmt.Sprintf("(could not save the chart: %v)", err)
	}
	return "Chart: " + path + note
}

// close removes the session's own folder, if it made one.
func (c *charts) close() error {
	if c.temp == "" {
		return nil
	}
	dir := c.temp
	c.temp = ""
	if err := os.RemoveAll(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("console: remove the chart folder: %w", err)
	}
	return nil
}
