package com.pulse.spc.chart;

import com.pulse.identity.Caller;
import com.pulse.spc.product.SpcAccess;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/spc/products/{id}/measurements}: one value, or a batch of up to 1,000 in one transaction. */
@RestController
@RequestMapping("/api/spc/products/{id}/measurements")
class MeasurementController {

  private final MeasurementService service;

  MeasurementController(MeasurementService service) {
    this.service = service;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Judged record(@PathVariable long id, @Valid @RequestBody MeasurementRequest request, Caller user) {
    SpcAccess.requireMeasure(user);
    return service.record(id, List.of(request), "", user).getFirst();
  }

  @PostMapping("/batch")
  @ResponseStatus(HttpStatus.CREATED)
  Batch recordBatch(@PathVariable long id, @Valid @RequestBody BatchRequest request, Caller user) {
    SpcAccess.requireMeasure(user);
    return new Batch(service.record(id, request.measurements(), "measurements", user));
  }

  record Batch(List<Judged> items) {}
}
