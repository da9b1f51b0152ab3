package bot

// RateLimited is the reply to a request over an adapter's rate limit
// (see bot/adapter).
func RateLimited() Response {
	return Response{Text: "You're sending messages faster than I can answer. Please wait a moment and try again.",
		Ephemeral: true, Outcome: UserError}
}
