package io.selvedge.storage.internal;

import io.selvedge.storage.DemoDataMarks;
import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Sets the demo-data flag of every store's stamp, which {@link StoreStamps#check} refuses in production. */
@Service
@RequiredArgsConstructor
class StampedDemoData implements DemoDataMarks {

    private final Stores stores;

    @Override
    public void markEveryStore() {
        for (Store store : stores.all()) {
            StoreStamps.markDemoData(store.dataSource());
        }
    }
}
