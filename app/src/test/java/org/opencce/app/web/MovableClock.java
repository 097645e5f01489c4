package org.opencce.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.opencce.domain.time.LocalCalendar;

/**
 * A clock that stands still until the test moves it, read by the server's request threads (hence
 * volatile). Its zone is Massachusetts time, like the site's.
 */
final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return LocalCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
