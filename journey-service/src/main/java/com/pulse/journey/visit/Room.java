package com.pulse.journey.visit;

/** An exam room: where a called patient goes. */
record Room(String roomId, String examId, String name, String location, boolean open) {}
