package bot

import (
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// A Command describes one command for the adapters (Discord registration,
// Telegram's command menu) and for /help.
type Command struct {
	Name        string
	Description string // one line, under 100 characters
	// Usage shows the arguments: "/list [number]".
	Usage   string
	Options []CommandOption
	// Hidden commands work but are not advertised (/start).
	Hidden bool
	// Serbian is the command's name in Serbian ("mandati"), which typed
	// commands answer to too, or "".
	Serbian string
}

// OptionType is the type of a command option.
type OptionType int

// The option types adapters map to their platform's.
const (
	OptionString OptionType = iota
	OptionInteger
)

// A CommandOption is one typed argument of a command.
type CommandOption struct {
	Name         string
	Description  string
	Type         OptionType
	Required     bool
	Autocomplete bool
	// Min and Max bound integer options; 0 means unbounded.
	Min, Max int
	// Serbian is the option's name in Serbian ("broj").
	Serbian string
}

// OptionElection is the option that picks one of several loaded elections.
const OptionElection = "election"

// A command is one entry of the command table: what the adapters and
// /help show (its description, usage and options' descriptions are keys
// of the catalogue, worded in each language by CommandsIn), its Serbian
// names, whether it is about one election (and so takes the election
// option when several are loaded), and the handler that answers it.
type command struct {
	Command
	desc, usage lang.Key
	// options are the command's options, their descriptions keys.
	options []option
	// serbian is the command's name in Serbian: typed commands answer to
	// it, and Discord shows it to Croatian users (it has no Serbian).
	serbian     string
	perElection bool
	run         func(c *call) Response
}

// An option is a CommandOption whose description is a catalogue key.
type option struct {
	CommandOption
	desc    lang.Key
	serbian string
}

// registry is the command table: every command the bot has, in the order
// /help lists them. To add a command, add its line here (and its keys
// to the catalogue, lang/keys.go) and write its handler, a
// func(*call) Response, in a file of its own (seats.go, lists.go, ...);
// the adapters register whatever this table holds.
func (e *Engine) registry() []*command {
	return []*command{
		{Command: Command{Name: "seats"}, desc: lang.CmdSeats, usage: lang.CmdSeatsUsage, serbian: "mandati",
			perElection: true, run: (*call).seats},
		{Command: Command{Name: "results"}, desc: lang.CmdResults, usage: lang.CmdResultsUsage, serbian: "rezultati",
			perElection: true, run: (*call).results},
		{Command: Command{Name: "list"}, desc: lang.CmdList, usage: lang.CmdListUsage, serbian: "liste",
			options:     []option{{CommandOption{Name: "number", Type: OptionInteger, Min: 1, Autocomplete: true}, lang.OptListNumber, "broj"}},
			perElection: true, run: (*call).list},
		{Command: Command{Name: "poll"}, desc: lang.CmdPoll, usage: lang.CmdPollUsage, serbian: "ankete",
			options:     []option{{CommandOption{Name: "who", Type: OptionString, Autocomplete: true}, lang.OptPollWho, "ko"}},
			perElection: true, run: (*call).poll},
		{Command: Command{Name: "party"}, desc: lang.CmdParty, usage: lang.CmdPartyUsage, serbian: "stranka",
			options:     []option{{CommandOption{Name: "name", Type: OptionString, Required: true, Autocomplete: true}, lang.OptPartyName, "ime"}},
			perElection: true, run: (*call).party},
		{Command: Command{Name: "candidate"}, desc: lang.CmdCandidate, usage: lang.CmdCandidateUsage, serbian: "kandidat",
			options:     []option{{CommandOption{Name: "name", Type: OptionString, Required: true, Autocomplete: true}, lang.OptCandidateName, "ime"}},
			perElection: true, run: (*call).candidate},
		{Command: Command{Name: "compare"}, desc: lang.CmdCompare, usage: lang.CmdCompareUsage, serbian: "uporedi",
			options: []option{
				{CommandOption{Name: "first", Type: OptionString, Autocomplete: true}, lang.OptCompareFirst, "prvi"},
				{CommandOption{Name: "second", Type: OptionString, Autocomplete: true}, lang.OptCompareSecond, "drugi"}},
			run: (*call).compare},
		{Command: Command{Name: "trend"}, desc: lang.CmdTrend, usage: lang.CmdTrendUsage, serbian: "kretanje",
			options:     []option{{CommandOption{Name: "party", Type: OptionString, Required: true, Autocomplete: true}, lang.OptTrendParty, "stranka"}},
			perElection: true, run: (*call).trend},
		{Command: Command{Name: "about"}, desc: lang.CmdAbout, usage: lang.CmdAboutUsage, serbian: "o-izborima",
			perElection: true, run: (*call).about},
		{Command: Command{Name: "ask"}, desc: lang.CmdAsk, usage: lang.CmdAskUsage, serbian: "pitaj",
			options: []option{{CommandOption{Name: "question", Type: OptionString, Required: true}, lang.OptAskQuestion, "pitanje"}},
			run:     (*call).ask},
		{Command: Command{Name: "search"}, desc: lang.CmdSearch, usage: lang.CmdSearchUsage, serbian: "trazi",
			options:     []option{{CommandOption{Name: "words", Type: OptionString, Required: true}, lang.OptSearchWords, "reci"}},
			perElection: true, run: (*call).search},
		{Command: Command{Name: "elections"}, desc: lang.CmdElections, usage: lang.CmdElectionsUsage, serbian: "izbori",
			run: (*call).elections},
		{Command: Command{Name: "sources"}, desc: lang.CmdSources, usage: lang.CmdSourcesUsage, serbian: "izvori",
			run: (*call).sources},
		{Command: Command{Name: "help"}, desc: lang.CmdHelp, usage: lang.CmdHelpUsage, serbian: "pomoc",
			run: (*call).help},
		{Command: Command{Name: "start", Hidden: true}, desc: lang.CmdStart, usage: lang.CmdStartUsage,
			run: (*call).help},
	}
}

// lookup finds a command by its name or its Serbian name.
func (e *Engine) lookup(name string) *command {
	for _, c := range e.commands {
		if c.Name == name || (c.serbian != "" && c.serbian == knowledge.Fold(name)) {
			return c
		}
	}
	return nil
}

// Commands describes the commands in English; see CommandsIn.
func (e *Engine) Commands() []Command { return e.CommandsIn(lang.En) }

// CommandsIn describes the commands as they stand for the loaded data,
// worded in l: the list number's maximum is the highest ballot number,
// and an election option appears when more than one election is loaded.
// Names stay English (platforms send them back as registered); Serbian
// names are in Localized.
func (e *Engine) CommandsIn(l lang.Lang) []Command {
	st := e.state.Load()
	lib := st.lib
	maxBallot := 0
	for _, el := range lib.Elections {
		maxBallot = max(maxBallot, el.MaxBallot())
	}
	var out []Command
	for _, c := range e.commands {
		cmd := c.Command
		cmd.Description, cmd.Usage, cmd.Serbian = l.T(c.desc), l.T(c.usage), c.serbian
		cmd.Options = nil
		for _, o := range c.options {
			opt := o.CommandOption
			opt.Description, opt.Serbian = l.T(o.desc), o.serbian
			if cmd.Name == "list" && opt.Name == "number" && maxBallot > 0 {
				opt.Max = maxBallot
			}
			cmd.Options = append(cmd.Options, opt)
		}
		if len(lib.Elections) > 1 && c.perElection {
			cmd.Options = append(cmd.Options, CommandOption{Name: OptionElection, Serbian: "izbori",
				Description: l.T(lang.OptElection), Type: OptionString, Autocomplete: true})
		}
		out = append(out, cmd)
	}
	return out
}

// option returns the named option: typed by the platform, or for text
// commands the arguments left after the election was taken out.
func (c *call) option(name string, rest string) string {
	if c.p.options != nil {
		return strings.TrimSpace(c.p.options[name])
	}
	return strings.TrimSpace(rest)
}

func (c *call) unknownCommand(name string) Response {
	name = reply.Clip(name, 30)
	var best string
	bestD := 3
	for _, cmd := range c.engine.commands {
		if d := knowledge.EditDistance(knowledge.Fold(name), cmd.Name, 2); d < bestD && !cmd.Hidden {
			best, bestD = cmd.Name, d
		}
	}
	if best != "" {
		return c.say.Invalid(lang.UnknownDidYouMean, name, best)
	}
	return c.say.Invalid(lang.UnknownCommand, name)
}

func (c *call) help() Response {
	lines := []string{}
	for _, cmd := range c.engine.CommandsIn(c.say.Lang) {
		if cmd.Hidden {
			continue
		}
		lines = append(lines, cmd.Usage+" — "+cmd.Description)
	}
	text := c.say.T(lang.HelpIntro)
	if len(c.lib.Elections) > 0 {
		text += " " + c.say.T(lang.HelpLoaded, reply.ElectionNames(c.lib.Elections))
	}
	text += "\n" + c.say.T(lang.HelpAsk, c.say.ExampleQuestion(c.lib.Elections))
	if v := c.engine.version; v != "" {
		lines = append(lines, "", "electionbot "+v)
	}
	return Response{Title: "electionbot", Text: text + "\n" + strings.Join(lines, "\n"), Outcome: Answered}
}
