package console

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
)

// charts writes chart images: to keepIn when set, else to one folder of
// the session's own, made on the first chart and removed at close, so
// that sessions leave no folders behind; a one-shot answer writes to the
// shared folder, where a chart is named by its content.
type charts struct {
	keepIn string
	share  string
	temp   string // the session's folder, once made
	n      int    // images written, for unique names
}

// save writes img and returns the line that tells the user where it is,
// or why it is not saved. session says whether a folder of the
// session's own may be made.
func (c *charts) save(img *bot.Image, session bool, l lang.Lang) string {
	dir := c.keepIn
	note := ""
	switch {
	case dir != "":
	case !session && c.share == "":
		return l.T(lang.ChartNotSaved)
	case !session:
		return c.saveShared(img, l)
	case c.temp == "":
		d, err := os.MkdirTemp("", "electionbot-")
		if err != nil {
			return l.T(lang.ChartSaveFailed, err.Error())
		}
		c.temp = d
		note = "\n" + l.T(lang.ChartsKept)
		dir = d
	default:
		dir = c.temp
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return l.T(lang.ChartSaveFailed, err.Error())
	}
	c.n++
	path := filepath.Join(dir, fmt.Sprintf("%02d-%s", c.n, filepath.Base(img.Name)))
	if err := os.WriteFile(path, img.PNG, 0o644); err != nil {
		return l.T(lang.ChartSaveFailed, err.Error())
	}
	return l.T(lang.ChartFile, path) + note
}

// saveShared writes img into the shared folder under a name made from
// its content: the same chart asked again is the same file.
func (c *charts) saveShared(img *bot.Image, l lang.Lang) string {
	if err := os.MkdirAll(c.share, 0o700); err != nil {
		return l.T(lang.ChartSaveFailed, err.Error())
	}
	sum := sha256.Sum256(img.PNG)
	base := filepath.Base(img.Name)
	ext := filepath.Ext(base)
	path := filepath.Join(c.share, strings.TrimSuffix(base, ext)+"-"+hex.EncodeToString(sum[:6])+ext)
	if _, err := os.Stat(path); err == nil {
		return l.T(lang.ChartFile, path)
	}
	tmp, err := os.CreateTemp(c.share, ".chart-*")
	if err != nil {
		return l.T(lang.ChartSaveFailed, err.Error())
	}
	_, werr := tmp.Write(img.PNG)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return l.T(lang.ChartSaveFailed, err.Error())
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return l.T(lang.ChartSaveFailed, err.Error())
	}
	return l.T(lang.ChartFile, path)
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
