/* The readings chart: reads the JSON block #chart-data, draws it with uPlot, fills the summary table. */
(function () {
    "use strict";
    var data = JSON.parse(document.getElementById("chart-data").textContent);
    var bucketed = data.bucket !== null;
    var anyHumidity = data.sensors.some(function (s) { return s.hasHumidity; });

    function hue(i) { return (i * 137.508 + 210) % 360; }
    function color(i, alpha) { return "hsla(" + hue(i).toFixed(1) + ", 70%, 42%, " + alpha + ")"; }

    var series = [{}];
    var columns = [data.x];
    var bands = [];
    data.sensors.forEach(function (s, i) {
        series.push({
            label: s.id + (bucketed ? " (mean)" : ""), scale: "temperature", stroke: color(i, 1), width: 1.5,
            spanGaps: true, points: { show: !bucketed && data.x.length < 200 }
        });
        columns.push(s.temperatureValues);
        if (bucketed) {
            var maxIndex = series.length;
            series.push({ label: s.id + " max", scale: "temperature", stroke: color(i, 0.35), width: 0.5,
                spanGaps: true, points: { show: false } });
            columns.push(s.maxValues);
            series.push({ label: s.id + " min", scale: "temperature", stroke: color(i, 0.35), width: 0.5,
                spanGaps: true, points: { show: false } });
            columns.push(s.minValues);
            bands.push({ series: [maxIndex, maxIndex + 1], fill: color(i, 0.15) });
        }
        if (s.hasHumidity) {
            series.push({ label: s.id + " humidity %", scale: "humidity", stroke: color(i, 0.8), width: 1,
                dash: [6, 4], spanGaps: true, points: { show: false } });
            columns.push(s.humidityValues);
        }
    });

    var axes = [{}, { scale: "temperature", label: "temperature" }];
    if (anyHumidity) {
        axes.push({ scale: "humidity", side: 1, label: "humidity %", grid: { show: false } });
    }

    var thresholds = [
        { value: Number(data.alertHigh), label: "high-temperature alert " + data.alertHigh },
        { value: Number(data.alertLow), label: "low-temperature alert " + data.alertLow }
    ];

    function drawThresholds(u) {
        var ctx = u.ctx;
        var scale = u.scales.temperature;
        ctx.save();
        ctx.strokeStyle = "#d62728";
        ctx.fillStyle = "#d62728";
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.setLineDash([8 * devicePixelRatio, 4 * devicePixelRatio]);
        ctx.font = (11 * devicePixelRatio) + "px system-ui, sans-serif";
        thresholds.forEach(function (t) {
            if (scale.min === null || t.value < scale.min || t.value > scale.max) {
                return;
            }
            var y = Math.round(u.valToPos(t.value, "temperature", true));
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.fillText(t.label, u.bbox.left + 4 * devicePixelRatio, y - 4 * devicePixelRatio);
        });
        ctx.restore();
    }

    function includeThresholds(u, min, max) {
        // The temperature axis reaches the alert thresholds, so that their lines are always in view.
        var low = Math.min(min, thresholds[1].value);
        var high = Math.max(max, thresholds[0].value);
        var pad = (high - low) * 0.05 || 1;
        return [low - pad, high + pad];
    }

    function size() {
        return { width: Math.max(600, window.innerWidth - 60), height: Math.max(360, Math.round(window.innerHeight * 0.55)) };
    }

    var opts = {
        title: "",
        width: size().width,
        height: size().height,
        series: series,
        bands: bands,
        axes: axes,
        scales: {
            x: { time: true },
            temperature: { range: includeThresholds },
            humidity: { range: [0, 100] }
        },
        cursor: { drag: { x: true, y: false } },
        hooks: {
            draw: [function (u) {
                drawThresholds(u);
                window.chartReady = true;
            }]
        }
    };

    document.getElementById("title").textContent = data.title;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.getElementById("caption").textContent = "Time in your time zone (" + zone + "). "
        + (bucketed ? "Each point is the mean of a " + data.bucket + " bucket (aligned to UTC), with its min-max band. "
            : "Each point is a reading. ")
        + "Dashed red lines: the alert thresholds. Drag across the chart to zoom, double-click to zoom out.";

    var body = document.querySelector("#summary tbody");
    data.sensors.forEach(function (s, i) {
        var row = document.createElement("tr");
        row.className = "sensor";
        var name = document.createElement("td");
        var swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = color(i, 1);
        name.appendChild(swatch);
        name.appendChild(document.createTextNode(s.id));
        row.appendChild(name);
        [String(s.count), s.min, s.max, s.mean, s.last, new Date(s.lastTime * 1000).toLocaleString()]
            .forEach(function (text) {
                var cell = document.createElement("td");
                cell.textContent = text;
                row.appendChild(cell);
            });
        body.appendChild(row);
    });

    var plot = new uPlot(opts, columns, document.getElementById("chart"));
    window.addEventListener("resize", function () { plot.setSize(size()); });
    window.chartPlot = plot;
    window.chartSensors = data.sensors.map(function (s) { return s.id; });
    window.chartSeriesCount = data.sensors.length;
})();
