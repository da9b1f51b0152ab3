package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/electionbot/electionbot/bot"
)

// metrics are the process's Prometheus metrics, on a registry of its own
// so that two programs in one test binary never share counters.
type metrics struct {
	reg         *prometheus.Registry
	messages    *prometheus.CounterVec
	answers     *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	rateLimited *prometheus.CounterVec
	undelivered *prometheus.CounterVec
	reloads     *prometheus.CounterVec
	reconnects  *prometheus.CounterVec
	elections   prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "electionbot_messages_total",
			Help: "Messages answered, by platform and command (\"text\" for free text).",
		}, []string{"platform", "command"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "electionbot_answers_total",
			Help: "Answers by outcome: answered, refused, user_error, internal_error; undelivered for a reply given up after its retries (counted again, apart from what the engine answered).",
		}, []string{"platform", "outcome"}),
		undelivered: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "electionbot_undelivered_total",
			Help: "Replies given up after their retries, by why: server_error, network, rate_limited, timeout, shutdown, forbidden, rejected.",
		}, []string{"platform", "reason"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "electionbot_answer_duration_seconds",
			Help:    "Time the engine took to answer, by platform and command.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"platform", "command"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "electionbot_rate_limited_total",
			Help: "Messages refused because their chat sent too many.",
		}, []string{"platform"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "electionbot_reloads_total",
			Help: "Reloads of the articles, by result (ok, failed).",
		}, []string{"result"}),
		reconnects: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "electionbot_reconnects_total",
			Help: "Reconnections of a platform's connection (Discord gateway, Telegram polling).",
		}, []string{"platform"}),
		elections: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "electionbot_elections_loaded",
			Help: "Elections the bot answers about now.",
		}),
	}
	b := currentBuild()
	buildInfo := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "electionbot_build_info",
		Help:        "Always 1; the labels say which build is running.",
		ConstLabels: prometheus.Labels{"version": b.Version, "revision": b.Revision, "go_version": b.GoVersion},
	})
	buildInfo.Set(1)
	m.reg.MustRegister(buildInfo)
	m.reg.MustRegister(m.messages, m.answers, m.latency, m.rateLimited, m.undelivered, m.reloads, m.reconnects, m.elections,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Zero series up front, so that dashboards and alerts see 0 instead of
	// nothing before the first failure.
	for _, r := range []string{"ok", "failed"} {
		m.reloads.WithLabelValues(r)
	}
	return m
}

// observe records one answered request.
func (m *metrics) observe(ev bot.Event) {
	p := platformLabel(ev.Platform)
	m.messages.WithLabelValues(p, ev.Command).Inc()
	m.answers.WithLabelValues(p, ev.Outcome.String()).Inc()
	m.latency.WithLabelValues(p, ev.Command).Observe(ev.Latency.Seconds())
}

// reloaded records a reload.
func (m *metrics) reloaded(ok bool, lib *bot.Library) {
	if !ok {
		m.reloads.WithLabelValues("failed").Inc()
		return
	}
	m.reloads.WithLabelValues("ok").Inc()
	m.elections.Set(float64(len(lib.Elections)))
}

// rateLimitedFunc and reconnectFunc are the callbacks handed to an adapter.
func (m *metrics) rateLimitedFunc(platform string) func() {
	c := m.rateLimited.WithLabelValues(platformLabel(platform))
	return c.Inc
}

// undeliveredFunc counts the replies an adapter gave up, in both
// metrics. The platform's series start at zero, so that an alert on
// them sees 0 rather than nothing.
func (m *metrics) undeliveredFunc(platform string) func(reason string) {
	p := platformLabel(platform)
	answers := m.answers.WithLabelValues(p, undeliveredOutcome)
	return func(reason string) {
		answers.Inc()
		m.undelivered.WithLabelValues(p, reason).Inc()
	}
}

// undeliveredOutcome is the outcome label of a reply given up.
const undeliveredOutcome = "undelivered"

func (m *metrics) reconnectFunc(platform string) func() {
	c := m.reconnects.WithLabelValues(platformLabel(platform))
	return c.Inc
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// platformLabel keeps the platform label to a known set whatever an
// adapter puts in a request.
func platformLabel(p string) string {
	switch p {
	case "console", "telegram", "discord":
		return p
	}
	return "other"
}
