/**
 * The {@code sensor-alerts} function (handler {@code dev.sensorpipeline.alerts.AlertsHandler::handleRequest}):
 * SensorData's stream in; {@code high-temperature}, {@code low-temperature} and {@code rising-fast} alerts out, each
 * once, to {@code SensorAlerts} and the {@code sensor-alerts} topic. This package wires {@code batch}, which stands
 * on {@code record}, {@code store}, {@code config} and, below all of them, {@code rules}.
 *
 * <h2>The IAM actions the function calls (its role must allow exactly these)</h2>
 * <ul>
 *   <li>{@code dynamodb:Query} on {@code SensorData} (the table's ARN: the history, one key-range query per sensor
 *       per batch, strongly consistent);</li>
 *   <li>{@code dynamodb:GetItem} on {@code SensorAlertRules} (per-sensor overrides, cached; also once by SnapStart
 *       priming);</li>
 *   <li>{@code dynamodb:PutItem} and {@code dynamodb:UpdateItem} on {@code SensorAlerts} (the conditional put of a
 *       new alert with {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, which needs no GetItem; then
 *       {@code Published=true});</li>
 *   <li>{@code sns:Publish} on the {@code sensor-alerts} topic ({@code ALERT_TOPIC_ARN});</li>
 *   <li>and for the event source mapping itself (Lambda calls them with the function's role), on SensorData's
 *       stream ARN: {@code dynamodb:DescribeStream}, {@code dynamodb:GetRecords}, {@code dynamodb:GetShardIterator},
 *       and {@code dynamodb:ListStreams} (resource {@code *}); plus the on-failure destination's send action
 *       ({@code sqs:SendMessage} or {@code sns:Publish} or {@code s3:PutObject}, as the mapping's destination is)
 *       and {@code logs:CreateLogStream}/{@code logs:PutLogEvents} on the function's log group (EMF metrics are log
 *       lines: no {@code cloudwatch:PutMetricData}).</li>
 * </ul>
 * Nothing else: no DescribeTable (no start-up check), no Scan, no BatchGetItem, no DeleteItem.
 */
package dev.sensorpipeline.alerts;
