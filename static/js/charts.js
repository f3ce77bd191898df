/*
 * Draws every survey chart on the page with the vendored Chart.js 4.
 *
 * Each <figure class="chart"> holds its data as a json_script payload
 * (labels, one dataset per segment; see surveys/charts.py), a hidden canvas
 * and the data table. The table is the content: this script only adds the
 * picture, and marks the figure "chart--drawn" when it did. No inline script,
 * no extra request.
 *
 * Computed rounds add per dataset its n, suppressed segments (no data: named in the
 * legend, no bar), a 95 % interval per bar (drawn as a thin line with caps by the
 * plugin below) and significant differences (a symbol after the value, and in the
 * tooltip as text). The Totaal dataset has a dark border.
 *
 * Horizontal bars, 0-100 %, answers in their own order. On a wide figure the
 * answers stand on the axis; on a narrow one (a phone) above their bars, so
 * that long answers keep the full width and the bars keep their length.
 */
(function () {
  "use strict";

  if (typeof window.Chart === "undefined") {
    return;
  }

  var lang = document.documentElement.lang || "nl";
  var numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var reducedMotion =
    window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var TEXT_COLOUR = "#1b1b1b";
  var GRID_COLOUR = "#c9d3da";
  var NARROW = 480;
  var LINE_HEIGHT = 16;
  var BAR_ROOM = 20;
  var charts = [];

  function percent(value) {
    return numberFormat.format(value) + "\u00a0%";
  }

  // Splits a label into lines no longer than ``fits`` allows (by characters or pixels).
  function wrapLabel(label, fits) {
    var lines = [];
    var line = "";
    String(label)
      .split(/\s+/)
      .forEach(function (word) {
        if (line && !fits(line + " " + word)) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + " " + word : word;
        }
      });
    if (line) {
      lines.push(line);
    }
    return lines;
  }

  function fontString(size, weight) {
    return (weight || "normal") + " " + size + "px " + window.Chart.defaults.font.family;
  }

  var SYMBOLS = { hoger: "\u25b2", lager: "\u25bc" };

  function intervalAt(dataset, index) {
    var interval = dataset.intervals && dataset.intervals[index];
    return interval && dataset.data[index] !== null ? interval : null;
  }

  // The value at the end of each bar (after its interval), with the symbol of a
  // significant difference: readable without hovering, also on touch screens.
  var valueLabels = {
    id: "ambtenarenpanelValueLabels",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var scale = chart.scales.x;
      ctx.save();
      ctx.fillStyle = TEXT_COLOUR;
      ctx.textAlign = "left";
      ctx.textBaseline = "middle";
      ctx.font = fontString(12);
      chart.data.datasets.forEach(function (dataset, datasetIndex) {
        if (!chart.isDatasetVisible(datasetIndex)) {
          return;
        }
        chart.getDatasetMeta(datasetIndex).data.forEach(function (bar, index) {
          var value = dataset.data[index];
          if (value !== null && value !== undefined) {
            var interval = intervalAt(dataset, index);
            var x = interval ? Math.max(bar.x, scale.getPixelForValue(interval[1])) : bar.x;
            var difference = dataset.differences && dataset.differences[index];
            var text = percent(value) + (difference ? " " + SYMBOLS[difference] : "");
            ctx.fillText(text, x + 4, bar.y);
          }
        });
      });
      ctx.restore();
    },
  };

  // The 95 % interval of each bar: a thin line with caps, dark on a light outline so
  // that it shows on every bar colour.
  var intervalLines = {
    id: "ambtenarenpanelIntervals",
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      var scale = chart.scales.x;
      ctx.save();
      chart.data.datasets.forEach(function (dataset, datasetIndex) {
        if (!chart.isDatasetVisible(datasetIndex) || !dataset.intervals) {
          return;
        }
        chart.getDatasetMeta(datasetIndex).data.forEach(function (bar, index) {
          var interval = intervalAt(dataset, index);
          if (!interval) {
            return;
          }
          var left = scale.getPixelForValue(interval[0]);
          var right = scale.getPixelForValue(interval[1]);
          var cap = Math.max(2, Math.min(5, (bar.height || 10) / 3));
          [
            ["#ffffff", 3.5],
            [TEXT_COLOUR, 1.5],
          ].forEach(function (stroke) {
            ctx.strokeStyle = stroke[0];
            ctx.lineWidth = stroke[1];
            ctx.beginPath();
            ctx.moveTo(left, bar.y);
            ctx.lineTo(right, bar.y);
            ctx.moveTo(left, bar.y - cap);
            ctx.lineTo(left, bar.y + cap);
            ctx.moveTo(right, bar.y - cap);
            ctx.lineTo(right, bar.y + cap);
            ctx.stroke();
          });
        });
      });
      ctx.restore();
    },
  };

  // Narrow layout: each answer written above its group of bars. A plugin per chart,
  // because Chart.js resolves plugin options as scriptable and would index into the lines.
  function answersAboveBars(lines, barShare) {
    return {
      id: "ambtenarenpanelAnswersAboveBars",
      afterDatasetsDraw: function (chart) {
        var ctx = chart.ctx;
        var scale = chart.scales.y;
        var band = scale.height / lines.length;
        ctx.save();
        ctx.fillStyle = TEXT_COLOUR;
        ctx.textAlign = "left";
        ctx.textBaseline = "bottom";
        ctx.font = fontString(13);
        lines.forEach(function (answerLines, index) {
          var barsTop = scale.getPixelForTick(index) - (band * barShare) / 2;
          answerLines.forEach(function (text, lineIndex) {
            var y = barsTop - 3 - (answerLines.length - 1 - lineIndex) * LINE_HEIGHT;
            ctx.fillText(text, chart.chartArea.left, y);
          });
        });
        ctx.restore();
      },
    };
  }

  function config(payload, width) {
    var narrow = width < NARROW;
    var multiple = payload.datasets.length > 1;
    var barsHeight = payload.datasets.length * BAR_ROOM;
    var lines;
    var band;
    var topPadding = 0;
    if (narrow) {
      var measure = document.createElement("canvas").getContext("2d");
      measure.font = fontString(13);
      lines = payload.labels.map(function (label) {
        return wrapLabel(label, function (text) {
          return measure.measureText(text).width <= width - 12;
        });
      });
      var labelHeight =
        lines.reduce(function (most, l) {
          return Math.max(most, l.length);
        }, 1) *
          LINE_HEIGHT +
        6;
      // Bars sit in the middle of their band; an answer takes the room between its bars
      // and the previous ones (half of it in each band), and the first one padding on top.
      band = barsHeight + labelHeight + 10;
      topPadding = labelHeight / 2 + 6;
    } else {
      lines = payload.labels.map(function (label) {
        return wrapLabel(label, function (text) {
          return text.length <= 30;
        });
      });
      var lineCount = lines.reduce(function (most, l) {
        return Math.max(most, l.length);
      }, 1);
      band = Math.max(barsHeight + 12, lineCount * LINE_HEIGHT + 10);
    }
    var legendHeight = multiple ? 32 * Math.ceil(payload.datasets.length / (narrow ? 2 : 5)) : 0;
    var barShare = barsHeight / band;

    return {
      height: payload.labels.length * band + topPadding + legendHeight + 40,
      chart: {
        type: "bar",
        data: {
          labels: narrow ? payload.labels : lines,
          datasets: payload.datasets.map(function (dataset) {
            var total = dataset.total && multiple;
            return {
              label: dataset.label,
              data: dataset.data,
              intervals: dataset.intervals,
              differences: dataset.differences,
              backgroundColor: dataset.backgroundColor,
              borderColor: total ? TEXT_COLOUR : dataset.borderColor,
              borderWidth: total ? 2 : 1,
              categoryPercentage: barShare,
              barPercentage: 0.9,
            };
          }),
        },
        plugins: narrow
          ? [intervalLines, valueLabels, answersAboveBars(lines, barShare)]
          : [intervalLines, valueLabels],
        options: {
          indexAxis: "y",
          responsive: true,
          maintainAspectRatio: false,
          animation: reducedMotion ? false : { duration: 400 },
          color: TEXT_COLOUR,
          layout: { padding: { top: topPadding, right: narrow ? 56 : 68 } },
          scales: {
            x: {
              min: 0,
              max: 100,
              ticks: {
                stepSize: width < 280 ? 50 : narrow ? 25 : 10,
                maxRotation: 0,
                color: TEXT_COLOUR,
                font: { size: 12 },
                callback: function (value) {
                  return percent(value);
                },
              },
              grid: { color: GRID_COLOUR },
            },
            y: {
              ticks: {
                display: !narrow,
                autoSkip: false,
                color: TEXT_COLOUR,
                font: { size: 13 },
              },
              grid: { display: false },
            },
          },
          plugins: {
            legend: {
              display: multiple,
              position: "top",
              align: "start",
              labels: { color: TEXT_COLOUR, font: { size: 13 } },
            },
            tooltip: {
              callbacks: {
                title: function (items) {
                  return items.length ? payload.labels[items[0].dataIndex] : "";
                },
                label: function (item) {
                  var texts = payload.texts || {};
                  var dataset = payload.datasets[item.datasetIndex];
                  var value = percent(item.parsed.x);
                  var interval = intervalAt(dataset, item.dataIndex);
                  if (interval) {
                    value +=
                      " (" +
                      texts.margin +
                      " " +
                      numberFormat.format(interval[0]) +
                      "\u2013" +
                      percent(interval[1]) +
                      ")";
                  }
                  var difference = dataset.differences && dataset.differences[item.dataIndex];
                  if (difference) {
                    value += ", " + SYMBOLS[difference] + " " + texts[difference];
                  }
                  return multiple ? item.dataset.label + ": " + value : value;
                },
              },
            },
          },
        },
      },
    };
  }

  function draw(entry) {
    var holder = entry.holder;
    holder.hidden = false;
    var width = holder.clientWidth;
    var settings = config(entry.payload, width);
    holder.style.height = settings.height + "px";
    if (entry.chart) {
      // A redraw after a resize shows the bars at once: growing them again distracts.
      settings.chart.options.animation = false;
      entry.chart.destroy();
    }
    entry.chart = new window.Chart(entry.canvas, settings.chart);
    entry.width = width;
    entry.figure.classList.add("chart--drawn");
  }

  function fail(entry, error) {
    // A chart that cannot be drawn leaves its table, which holds the same figures.
    entry.holder.hidden = true;
    entry.figure.classList.remove("chart--drawn");
    if (window.console) {
      window.console.error(error);
    }
  }

  function drawAll() {
    window.Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Array.prototype.forEach.call(document.querySelectorAll("figure.chart"), function (figure) {
      var source = figure.querySelector('script[type="application/json"]');
      var holder = figure.querySelector(".chart__canvas");
      var canvas = holder && holder.querySelector("canvas");
      if (!source || !canvas) {
        return;
      }
      var entry = { figure: figure, holder: holder, canvas: canvas, chart: null };
      try {
        entry.payload = JSON.parse(source.textContent);
        if (!entry.payload.labels.length || !entry.payload.datasets.length) {
          return;
        }
        draw(entry);
        charts.push(entry);
      } catch (error) {
        fail(entry, error);
      }
    });
  }

  // The answers are wrapped and the height set for one width: redraw when it changes
  // (a phone turned, a window resized).
  function redrawIfResized(entry) {
    if (Math.abs(entry.holder.clientWidth - entry.width) > 1) {
      try {
        draw(entry);
      } catch (error) {
        fail(entry, error);
      }
    }
  }

  var resizeTimer = null;
  function redrawResized() {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () {
      charts.forEach(redrawIfResized);
    }, 150);
  }

  function watchSizes() {
    if (typeof window.ResizeObserver === "function") {
      // Redraw in the next frame: redrawing inside the callback resizes what is observed.
      var observer = new window.ResizeObserver(function () {
        window.requestAnimationFrame(function () {
          charts.forEach(redrawIfResized);
        });
      });
      charts.forEach(function (entry) {
        observer.observe(entry.figure);
      });
    } else {
      window.addEventListener("resize", redrawResized);
    }
  }

  function start() {
    drawAll();
    watchSizes();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
