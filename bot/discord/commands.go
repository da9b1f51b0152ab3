package discord

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
)

// Discord's limits on slash commands.
const (
	maxCommandName   = 32
	maxDescription   = 100
	maxOptions       = 25
	maxCommandsTotal = 100
)

// commandName is what Discord accepts as a CHAT_INPUT command or option
// name (the lowercase subset of its pattern).
var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$`)

// localized are the Discord locales that get the commands' Serbian names
// and descriptions. Discord has no Serbian locale; its Croatian users
// read Serbian Latin.
var localized = []struct {
	locale discordgo.Locale
	lang   lang.Lang
}{{discordgo.Croatian, lang.Sr}}

// localizations are the commands in each localized language, by name.
type localizations map[discordgo.Locale]map[string]bot.Command

// localize describes the engine's commands in each localized language.
func localize(eng *bot.Engine) localizations {
	out := localizations{}
	for _, l := range localized {
		byName := map[string]bot.Command{}
		for _, c := range eng.CommandsIn(l.lang) {
			byName[strings.ToLower(c.Name)] = c
		}
		out[l.locale] = byName
	}
	return out
}

// applicationCommands turns the engine's registry into slash commands:
// hidden commands stay out, every command and option gets a description,
// integer options keep their bounds, and autocomplete and required flags
// carry over; names and descriptions in the localized languages go into
// name_localizations and description_localizations. Names Discord would
// refuse are left out, not sent.
func applicationCommands(cmds []bot.Command, locs localizations) []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	for _, c := range cmds {
		name := strings.ToLower(c.Name)
		if c.Hidden || !commandName.MatchString(name) || len(out) == maxCommandsTotal {
			continue
		}
		ac := &discordgo.ApplicationCommand{
			Type:        discordgo.ChatApplicationCommand,
			Name:        name,
			Description: describe(c.Description, "/"+name),
		}
		names, descs := map[discordgo.Locale]string{}, map[discordgo.Locale]string{}
		for loc, byName := range locs {
			lc, ok := byName[name]
			if !ok {
				continue
			}
			if n := strings.ToLower(lc.Serbian); commandName.MatchString(n) {
				names[loc] = n
			}
			descs[loc] = describe(lc.Description, "/"+name)
		}
		if len(names) > 0 {
			ac.NameLocalizations = &names
		}
		if len(descs) > 0 {
			ac.DescriptionLocalizations = &descs
		}
		// Discord wants the required options first.
		var required, optional []*discordgo.ApplicationCommandOption
		for _, o := range c.Options {
			opt := applicationOption(o)
			localizeOption(opt, name, o.Name, locs)
			if opt == nil {
				continue
			}
			if opt.Required {
				required = append(required, opt)
			} else {
				optional = append(optional, opt)
			}
		}
		ac.Options = append(required, optional...)
		if len(ac.Options) > maxOptions {
			ac.Options = ac.Options[:maxOptions]
		}
		out = append(out, ac)
	}
	return out
}

func applicationOption(o bot.CommandOption) *discordgo.ApplicationCommandOption {
	name := strings.ToLower(o.Name)
	if !commandName.MatchString(name) {
		return nil
	}
	opt := &discordgo.ApplicationCommandOption{
		Name:         name,
		Description:  describe(o.Description, name),
		Required:     o.Required,
		Autocomplete: o.Autocomplete,
	}
	switch o.Type {
	case bot.OptionInteger:
		opt.Type = discordgo.ApplicationCommandOptionInteger
		if o.Min != 0 {
			minValue := float64(o.Min)
			opt.MinValue = &minValue
		}
		if o.Max != 0 && o.Max >= o.Min {
			opt.MaxValue = float64(o.Max)
		}
	default:
		opt.Type = discordgo.ApplicationCommandOptionString
	}
	return opt
}

// localizeOption gives an option its names and descriptions in the
// localized languages.
func localizeOption(opt *discordgo.ApplicationCommandOption, command, option string, locs localizations) {
	if opt == nil {
		return
	}
	for loc, byName := range locs {
		for _, lo := range byName[command].Options {
			if lo.Name != option {
				continue
			}
			if n := strings.ToLower(lo.Serbian); commandName.MatchString(n) {
				if opt.NameLocalizations == nil {
					opt.NameLocalizations = map[discordgo.Locale]string{}
				}
				opt.NameLocalizations[loc] = n
			}
			if opt.DescriptionLocalizations == nil {
				opt.DescriptionLocalizations = map[discordgo.Locale]string{}
			}
			opt.DescriptionLocalizations[loc] = describe(lo.Description, n(lo))
		}
	}
}

// n is an option's name for a description that would be empty.
func n(o bot.CommandOption) string { return strings.ToLower(o.Name) }

// describe fits a description into Discord's 1-100 characters.
func describe(s, fallback string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		s = fallback
	}
	return clip(s, maxDescription)
}

// RegisterCommands replaces the application's slash commands with the
// engine's, in one bulk overwrite: in the configured guild, or globally.
// Run calls it after connecting; a bot that only serves the HTTP endpoint
// calls it at start when it has a token.
func (b *Bot) RegisterCommands(ctx context.Context) error {
	if b.session.Token == "" {
		return errors.New("discord: registering commands needs the bot token")
	}
	appID := b.applicationID()
	if appID == "" {
		return errors.New("discord: registering commands needs the application id")
	}
	cmds := applicationCommands(b.eng.Commands(), localize(b.eng))
	if _, err := b.session.ApplicationCommandBulkOverwrite(appID, b.opts.GuildID, cmds, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("discord: register the commands: %w", b.redactErr(err, ""))
	}
	b.registered.Store(true)
	b.log.Info("registered commands", "commands", len(cmds), "guild_id", b.opts.GuildID)
	return nil
}

func (b *Bot) applicationID() string {
	if id := b.appID.Load(); id != nil {
		return *id
	}
	return ""
}
