package bot

import (
	"github.com/electionbot/electionbot/render"
)

// about answers /about: the kind of election, every round's date and
// turnout, the assembly's seats, majority, threshold and lists where it
// elected one, the officeholders, the elections before and after, and how
// each contest ended.
func (c *call) about() Response {
	e, rest, errResp := c.pick()
	if errResp != nil {
		return *errResp
	}
	if r, bad := c.noArgs("about", rest); bad {
		return r
	}
	return render.About(c.say, e, render.SourceFields(c.say, e.Source))
}
