package co.fractal.loadtest.management.cloud;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Locale;

/** Reading AWS errors: the short reason a report gives, and whether an error means "already gone". */
final class AwsErrors {
    private AwsErrors() {
    }

    /** The error code, AWS's message and the HTTP status; for other errors, the message. Never credentials. */
    static String reason(RuntimeException error) {
        if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage()
                    + " (HTTP " + aws.statusCode() + ")";
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    /** True when AWS answered with exactly this error code. */
    static boolean hasCode(AwsServiceException error, String code) {
        return error.awsErrorDetails() != null && code.equals(error.awsErrorDetails().errorCode());
    }

    /** True when AWS answered with this (generic) error code and a message saying the resource was not found. */
    static boolean saysNotFound(AwsServiceException error, String code) {
        String message = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorMessage();
        return hasCode(error, code) && message != null && message.toLowerCase(Locale.ROOT).contains("not found");
    }
}
