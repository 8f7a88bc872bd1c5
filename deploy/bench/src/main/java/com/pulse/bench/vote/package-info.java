/** vote-service through the gateway: a burst of ballots → the time until every screen shows the exact final tally. */
package com.pulse.bench.vote;
