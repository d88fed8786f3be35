/** Lambda's event filtering: a mapping's FilterCriteria, matched on each record before it is batched. */
package dev.sensorpipeline.local.runner.filter;
