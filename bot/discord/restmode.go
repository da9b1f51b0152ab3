package discord

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// ErrTokenRejected is what Run returns when Discord answers the bot
// token with 401: no retry will help.
var ErrTokenRejected = errors.New("discord: the bot token was rejected (401 Unauthorized)")

// startREST is the start of a bot that takes interactions on the HTTP
// endpoint and has a token: no gateway (the interactions do not come
// that way), only REST. It learns the application id when none was
// configured and registers the commands, trying again with capped
// back-off while Discord or the network fails, until it works, the token
// is refused, or ctx ends (nil then).
func (b *Bot) startREST(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		err := b.registerREST(ctx)
		if err == nil || ctx.Err() != nil {
			return nil
		}
		var rest *discordgo.RESTError
		if errors.As(err, &rest) && rest.Response != nil {
			switch code := rest.Response.StatusCode; {
			case code == http.StatusUnauthorized:
				return ErrTokenRejected
			case code < 500 && code != http.StatusTooManyRequests:
				return err // named and redacted by RegisterCommands
			}
		}
		delay := b.backoff.Delay(attempt)
		b.log.Warn("could not register the commands; trying again", "attempt", attempt+1, "retry_in", delay.String(), "err", b.redact(err.Error(), ""))
		if b.wait(ctx, delay) != nil {
			return nil
		}
	}
}

// registerREST registers the commands over REST, first asking Discord
// for the application id if it is not known.
func (b *Bot) registerREST(ctx context.Context) error {
	if b.applicationID() == "" {
		id, err := b.currentApplication(ctx)
		if err != nil {
			return err
		}
		b.appID.CompareAndSwap(nil, &id)
	}
	return b.RegisterCommands(ctx)
}

// currentApplication asks Discord for the bot's application id (GET
// /applications/@me, "Get Current Application").
func (b *Bot) currentApplication(ctx context.Context) (string, error) {
	endpoint := discordgo.EndpointApplication("@me")
	body, err := b.session.RequestWithBucketID(http.MethodGet, endpoint, nil, endpoint, discordgo.WithContext(ctx))
	if err != nil {
		return "", err
	}
	var app struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(body, &app); err != nil || app.ID == "" {
		return "", errors.New("discord: GET /applications/@me gave no application id")
	}
	return app.ID, nil
}
