// Package apispec checks requests that the bot sends against the official
// API descriptions kept in testdata/ (Telegram Bot API 10.1 as JSON, and
// Discord's OpenAPI description), so that the test fakes of the Telegram
// and Discord adapters reject what the real services would. Only tests
// import it.
package apispec
