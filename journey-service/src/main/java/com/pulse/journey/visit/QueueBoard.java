package com.pulse.journey.visit;

import java.time.Instant;
import java.util.List;

/**
 * One exam queue's board ({@code GET /api/journey/queues/{examId}}, the data of {@code journey.queue.updated} and of
 * the seed's {@code queue.update} frames): who is being examined, who is called, who waits in call order, patients'
 * names masked because a ward display shows it to the waiting room.
 *
 * @param rooms_open rooms of the exam serving now
 * @param waiting the line in call order (priority, then arrival), delayed patients at their place
 */
public record QueueBoard(String exam_id, String exam_name, int rooms_open, List<Line> now_serving, List<Line> called,
    List<Line> waiting, int waiting_count, Instant timestamp) {

  /**
   * @param patient_name masked: {@code 김*수}, {@code K*m}
   * @param state the entry's queue state
   * @param room the room a called or examined patient is in; null while waiting
   * @param estimated_wait_time whole minutes for those in line; null otherwise or with no room open
   */
  public record Line(int queue_number, String patient_name, String state, String room, Integer estimated_wait_time) {}

  /**
   * The first and last character kept, everything between starred: {@code 김민수 → 김*수}, {@code Kim Min-su →
   * K********u}; two characters keep the first, one is starred.
   */
  static String mask(String name) {
    int[] cps = name.strip().codePoints().toArray();
    if (cps.length <= 1) {
      return "*";
    }
    StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
    if (cps.length == 2) {
      return masked.append('*').toString();
    }
    masked.append("*".repeat(cps.length - 2));
    return masked.appendCodePoint(cps[cps.length - 1]).toString();
  }
}
