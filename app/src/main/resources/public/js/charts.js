/*
 * Draws the console's charts with Chart.js. Every <canvas data-chart="…" data-src="…"> is a chart:
 * the script fetches its JSON from data-src (same origin, with the session cookie) and draws it.
 *   hourly  – /api/console/load: kWh per hour by group, stacked areas
 *   monthly – /api/console/load/monthly: MWh per month by group, stacked bars
 *   usage   – /api/console/accounts/{id}/usage: one account's kWh per month
 *   states  – /api/console/campaign: accounts in each enrollment state by group, stacked bars
 * Charts inside content that htmx swaps in are drawn after the swap; charts being swapped out are
 * destroyed first.
 */
(function () {
    'use strict';

    var PALETTE = ['#2f7d5b', '#3b7fc4', '#e0a030', '#8e5bb5', '#d0574f', '#3aa8a0', '#7a8b2f', '#c06c9a'];
    var kwhFormat = new Intl.NumberFormat('en-US', {maximumFractionDigits: 1});
    var mwhFormat = new Intl.NumberFormat('en-US', {minimumFractionDigits: 1, maximumFractionDigits: 1});

    function color(i, alpha) {
        var hex = PALETTE[i % PALETTE.length];
        if (alpha === undefined) {
            return hex;
        }
        var r = parseInt(hex.slice(1, 3), 16), g = parseInt(hex.slice(3, 5), 16), b = parseInt(hex.slice(5, 7), 16);
        return 'rgba(' + r + ', ' + g + ', ' + b + ', ' + alpha + ')';
    }

    function fetchJson(url) {
        return fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'}).then(function (r) {
            if (!r.ok) {
                return r.json().catch(function () { return {}; }).then(function (body) {
                    throw new Error(body.message || ('The server answered ' + r.status));
                });
            }
            return r.json();
        });
    }

    function showError(canvas, message) {
        var box = canvas.parentElement;
        var note = document.createElement('p');
        note.className = 'alert error';
        note.textContent = 'The chart could not be drawn: ' + message;
        box.replaceWith(note);
    }

    function sum(values) {
        return values.reduce(function (a, b) { return a + b; }, 0);
    }

    function baseOptions(yTitle) {
        return {
            responsive: true,
            maintainAspectRatio: false,
            interaction: {mode: 'index', intersect: false},
            plugins: {
                legend: {position: 'bottom', labels: {usePointStyle: true, boxWidth: 8}}
            },
            scales: {
                y: {beginAtZero: true, title: {display: true, text: yTitle}, grid: {color: '#e6ece9'}}
            }
        };
    }

    function hourly(canvas, data) {
        var labels = data.labels;
        var isMidnight = function (i) { return labels[i] && labels[i].slice(-5) === '00:00'; };
        var datasets = data.groups.map(function (g, i) {
            return {
                label: g.name, data: g.kwh, borderColor: color(i), backgroundColor: color(i, 0.28),
                fill: i === 0 ? 'origin' : '-1', pointRadius: 0, pointHitRadius: 6, borderWidth: 1.5,
                tension: 0.25
            };
        });
        var options = baseOptions('kWh per hour');
        options.scales.y.stacked = true;
        options.scales.x = {
            ticks: {
                autoSkip: false, maxRotation: 0,
                callback: function (value, index) { return isMidnight(index) ? labels[index].slice(0, -6) : ''; }
            },
            grid: {
                color: function (ctx) { return ctx.tick && isMidnight(ctx.index) ? '#d5dfda' : 'transparent'; }
            }
        };
        options.plugins.tooltip = {
            callbacks: {
                label: function (item) { return item.dataset.label + ': ' + kwhFormat.format(item.parsed.y) + ' kWh'; },
                footer: function (items) {
                    return 'All: ' + kwhFormat.format(sum(items.map(function (it) { return it.parsed.y; }))) + ' kWh';
                }
            }
        };
        return {type: 'line', data: {labels: labels, datasets: datasets}, options: options};
    }

    function monthly(canvas, data) {
        var datasets = data.groups.map(function (g, i) {
            return {label: g.name, data: g.mwh, backgroundColor: color(i), borderRadius: 3, maxBarThickness: 56};
        });
        var options = baseOptions('MWh');
        options.scales.y.stacked = true;
        options.scales.x = {stacked: true, grid: {display: false}};
        options.plugins.tooltip = {
            callbacks: {
                label: function (item) { return item.dataset.label + ': ' + mwhFormat.format(item.parsed.y) + ' MWh'; },
                footer: function (items) {
                    return 'All towns: ' + mwhFormat.format(sum(items.map(function (it) { return it.parsed.y; }))) + ' MWh';
                }
            }
        };
        return {type: 'bar', data: {labels: data.labels, datasets: datasets}, options: options};
    }

    function usage(canvas, data) {
        var options = baseOptions('kWh');
        options.plugins.legend = {display: false};
        options.scales.x = {grid: {display: false}};
        options.plugins.tooltip = {
            callbacks: {label: function (item) { return kwhFormat.format(item.parsed.y) + ' kWh'; }}
        };
        return {
            type: 'bar',
            data: {labels: data.labels, datasets: [{label: 'Usage', data: data.kwh, backgroundColor: color(0),
                borderRadius: 3, maxBarThickness: 56}]},
            options: options
        };
    }

    // One colour per enrollment state, the same on every page: green for supplied, red for left.
    var STATE_COLORS = {
        eligible: '#9bb5a8', competitive: '#7a8b8f', notified: '#3b7fc4', opted_out: '#d0574f',
        returned_mail: '#e0a030', enrolling: '#3aa8a0', enrolled: '#2f7d5b', rejected: '#8e5bb5',
        dropping: '#c06c9a', dropped: '#6b4f3a', ineligible: '#c9cfcc'
    };

    function states(canvas, data) {
        // States with no account anywhere are left out of the legend.
        var datasets = data.states.filter(function (s) { return sum(s.accounts) > 0; }).map(function (s, i) {
            return {label: s.name, data: s.accounts, backgroundColor: STATE_COLORS[s.state] || color(i),
                borderRadius: 2, maxBarThickness: 72};
        });
        var options = baseOptions('Accounts');
        options.scales.y.stacked = true;
        options.scales.y.ticks = {precision: 0};
        options.scales.x = {stacked: true, grid: {display: false}};
        options.plugins.tooltip = {
            callbacks: {
                label: function (item) { return item.dataset.label + ': ' + kwhFormat.format(item.parsed.y); },
                footer: function (items) {
                    return 'Accounts: ' + kwhFormat.format(sum(items.map(function (it) { return it.parsed.y; })));
                }
            }
        };
        return {type: 'bar', data: {labels: data.labels, datasets: datasets}, options: options};
    }

    var BUILDERS = {hourly: hourly, monthly: monthly, usage: usage, states: states};

    function draw(canvas) {
        var build = BUILDERS[canvas.dataset.chart];
        if (!build || !canvas.dataset.src) {
            return;
        }
        fetchJson(canvas.dataset.src).then(function (data) {
            if (!canvas.isConnected) {
                return;
            }
            var old = window.Chart.getChart(canvas);
            if (old) {
                old.destroy();
            }
            new window.Chart(canvas, build(canvas, data));
        }).catch(function (e) {
            showError(canvas, e.message);
        });
    }

    function drawAll(root) {
        root.querySelectorAll('canvas[data-chart]').forEach(draw);
    }

    function destroyAll(root) {
        root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var chart = window.Chart.getChart(canvas);
            if (chart) {
                chart.destroy();
            }
        });
    }

    function start() {
        if (!window.Chart) {
            document.querySelectorAll('canvas[data-chart]').forEach(function (c) {
                showError(c, 'the chart library did not load.');
            });
            return;
        }
        window.Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
        window.Chart.defaults.color = '#4a5a53';
        drawAll(document);
        document.body.addEventListener('htmx:beforeSwap', function (e) { destroyAll(e.detail.target); });
        document.body.addEventListener('htmx:afterSettle', function (e) { drawAll(e.detail.elt || e.target); });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
