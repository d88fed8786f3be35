package dev.sensorpipeline.benchmarks.commonway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A reading as a tutorial models it: one mutable bean that Jackson reads from the record's JSON and the Enhanced
 * Client writes as the item, by its annotations.
 */
@DynamoDbBean
@JsonIgnoreProperties(ignoreUnknown = true)
public class SensorReading {

    private String sensorId;
    private Long currentTime;
    private Double temperature;
    private Double humidity;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("SensorId")
    @JsonProperty("sensor_id")
    public String getSensorId() {
        return sensorId;
    }

    public void setSensorId(String sensorId) {
        this.sensorId = sensorId;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("CurrentTime")
    @JsonProperty("current_time")
    public Long getCurrentTime() {
        return currentTime;
    }

    public void setCurrentTime(Long currentTime) {
        this.currentTime = currentTime;
    }

    @DynamoDbAttribute("Temperature")
    @JsonProperty("temperature")
    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    @DynamoDbAttribute("Humidity")
    @JsonProperty("humidity")
    public Double getHumidity() {
        return humidity;
    }

    public void setHumidity(Double humidity) {
        this.humidity = humidity;
    }
}
