// Draws the run report's charts with Apache ECharts (inlined above) from the data block the page carries.
// When done, <body data-charts-rendered="n"> says how many charts were drawn; a failure sets data-chart-error.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var drawn = 0;

  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element) { return; }
    var instance = echarts.init(element, null, { renderer: 'svg' });
    option.animation = false;
    option.tooltip = option.tooltip || { trigger: 'axis' };
    option.grid = option.grid || { left: 70, right: 30, top: 40, bottom: 60 };
    instance.setOption(option);
    drawn++;
  }

  function lines(names, series, unit) {
    return series.map(function (s) {
      return { name: s.name, type: 'line', showSymbol: false, data: s.values };
    });
  }

  try {
    var curve = data.timeToContainer;
    if (curve) {
      chart('chart-time-to-container', {
        legend: { top: 0 },
        xAxis: { type: 'category', name: 'percentile', nameLocation: 'middle', nameGap: 35, data: curve.percentiles },
        yAxis: { type: 'value', name: 'ms' },
        series: lines(curve.percentiles, curve.series)
      });
    }
    var steps = data.steps;
    if (steps) {
      chart('chart-steps', {
        legend: { top: 0 },
        xAxis: { type: 'category', data: steps.names },
        yAxis: { type: 'value', name: 'ms' },
        series: steps.series.map(function (s) { return { name: s.name, type: 'bar', data: s.values }; })
      });
    }
    var requests = data.requests;
    if (requests) {
      chart('chart-requests', {
        legend: { top: 0 },
        xAxis: { type: 'category', data: requests.endpoints },
        yAxis: { type: 'value', name: 'answers' },
        series: requests.series.map(function (s) {
          return { name: 'status ' + s.name, type: 'bar', stack: 'status', data: s.values };
        })
      });
    }
    var failures = data.failures;
    if (failures) {
      chart('chart-failures', {
        tooltip: { trigger: 'item' },
        grid: { left: 260, right: 30, top: 20, bottom: 40 },
        xAxis: { type: 'value', name: 'journeys' },
        yAxis: { type: 'category', inverse: true, data: failures.kinds },
        series: [{ name: 'failed journeys', type: 'bar', data: failures.counts }]
      });
    }
    var shards = data.shards;
    if (shards) {
      chart('chart-shard-starts', {
        xAxis: { type: 'category', name: 'shard', nameLocation: 'middle', nameGap: 30, data: shards.labels },
        yAxis: { type: 'value', name: 'ms after the first' },
        series: [{ name: 'load started', type: 'bar', data: shards.startOffsetsMs }]
      });
      chart('chart-shard-journeys', {
        legend: { top: 0 },
        xAxis: { type: 'category', name: 'shard', nameLocation: 'middle', nameGap: 30, data: shards.labels },
        yAxis: { type: 'value', name: 'journeys' },
        series: [
          { name: 'succeeded', type: 'bar', stack: 'journeys', data: shards.succeeded },
          { name: 'not succeeded', type: 'bar', stack: 'journeys', data: shards.notSucceeded }
        ]
      });
    }
    var sessions = data.sessions;
    if (sessions) {
      chart('chart-sessions', {
        legend: { top: 0 },
        xAxis: { type: 'category', data: sessions.endings },
        yAxis: { type: 'value', name: 'sessions' },
        series: [
          { name: 'ended as they should', type: 'bar', stack: 'sessions', data: sessions.succeeded },
          { name: 'failed', type: 'bar', stack: 'sessions', data: sessions.failed },
          { name: 'unfinished', type: 'bar', stack: 'sessions', data: sessions.unfinished }
        ]
      });
      var pool = sessions.pool;
      if (pool.at.length) {
        chart('chart-pool', {
          legend: { top: 0 },
          xAxis: { type: 'category', data: pool.at },
          yAxis: [{ type: 'value', name: 'containers' }, { type: 'value', name: 'ms' }],
          series: [
            { name: 'prewarmed', type: 'bar', stack: 'origin', data: pool.prewarmed },
            { name: 'spun up', type: 'bar', stack: 'origin', data: pool.spunUp },
            { name: 'origin unknown', type: 'bar', stack: 'origin', data: pool.unknown },
            { name: 'free prewarmed', type: 'line', showSymbol: false, data: pool.poolSize },
            { name: 'time to container p50', type: 'line', yAxisIndex: 1, showSymbol: false, data: pool.p50Ms },
            { name: 'time to container p95', type: 'line', yAxisIndex: 1, showSymbol: false, data: pool.p95Ms }
          ]
        });
      }
    }
    (data.generator || []).forEach(function (series, i) {
      chart('chart-generator-' + i, {
        title: { text: series.title, textStyle: { fontSize: 13 } },
        legend: { top: 20 },
        grid: { left: 70, right: 30, top: 60, bottom: 40 },
        xAxis: { type: 'category', data: series.x },
        yAxis: { type: 'value' },
        series: lines(series.x, series.series)
      });
    });
    document.body.setAttribute('data-charts-rendered', String(drawn));
  } catch (e) {
    document.body.setAttribute('data-chart-error', String(e && e.message || e));
  }
})();
