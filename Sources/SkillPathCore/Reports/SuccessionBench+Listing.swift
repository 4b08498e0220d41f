extension SuccessionBench.Search {
    // The people each band lists: found best-first on lower bounds of their place, planned only at the front.

    /// The first `limit` people of a band by date, then fewest unmet skills, then fewest hours, then id:
    /// best-first on lower bounds of that key, planning a person's group only when they reach the front.
    mutating func listed(_ wanted: SuccessionBench.Band, limit: Int) -> [SuccessionBench.Member] {
        var keys: [SuccessionBench.ListingKey] = []
        for position in entries.indices where entries[position].band == wanted { keys.append(lowerKey(position)) }
        var heap = MinHeap<SuccessionBench.ListingKey>(heapifying: keys)
        var members: [SuccessionBench.Member] = []
        while members.count < limit, let next = heap.pop() {
            // Each step mutates the search before the key is read from it (a key read while a group is being
            // made would copy every group).
            guard next.exact else {
                // First the landmark cut (a few h_max passes, only until the key passes the next in line),
                // then the plan, each only while the key is still at the front: another member of the group
                // may have raised it since it was pushed.
                let group = group(of: next.position)
                if groups[group].cut?.complete != true {
                    let (rival, today) = (heap.top, today)
                    let dating = pool.groups[entries[next.position].pace].datings[entries[next.position].position]
                    // Up to the next in line the first time; the whole cut the next (no third pass).
                    let once = groups[group].cut == nil
                    _ = cutHours(group) { hours in once && rival.map { $0 < Self.key(of: next, hours: hours, unmet: next.unmet, dating: dating, today: today) } ?? false }
                }
                let raised = lowerKey(next.position)
                if next < raised {
                    heap.push(raised)
                } else {
                    let made = plan(group)
                    heap.push(exactKey(next.position, plan: made))
                }
                continue
            }
            let entry = entries[next.position]
            let horizon = (six: today.adding(days: six), twelve: today.adding(days: twelve))
            members.append(SuccessionBench.member(person(entry), plan: plan(entry.group), role: planner.catalog.roles[Int(target)].id, today: today, horizon: horizon))
        }
        return members
    }

    /// A lower bound on an entry's place in its band's order, exact once its group is planned.
    func lowerKey(_ position: Int) -> SuccessionBench.ListingKey {
        let entry = entries[position]
        if entry.group >= 0, let plan = groups[entry.group].plan { return exactKey(position, plan: plan) }
        let bound = entry.group >= 0 ? groups[entry.group].bound : nil
        let estimate = entry.estimate
        let unmet = bound?.unmet ?? max(estimate.unclosable > 0 ? 1 : 0, estimate.surelyUnmet)
        let cut = entry.group >= 0 ? groups[entry.group].cut?.hours : nil
        let hours = cut ?? Self.hundredths(bound.map(\.bound) ?? (estimate.unclosable > 0 ? 0 : estimate.lowerBound))
        let place = SuccessionBench.ListingKey(day: 0, unmet: unmet, hours: hours, rank: pool.groups[entry.pace].idRanks[entry.position], position: position, exact: false)
        return Self.key(of: place, hours: hours, unmet: unmet, dating: pool.groups[entry.pace].datings[entry.position], today: today)
    }

    /// A lower key for `place`'s entry from a lower bound on its unmet count and hours.
    static func key(of place: SuccessionBench.ListingKey, hours: Int64, unmet: Int, dating: SuccessionBench.Dating, today: CalendarDate) -> SuccessionBench.ListingKey {
        // No hours may be no steps at all: ready today, whatever the person's assignments.
        let day = unmet > 0 ? Int.max : hours == 0 ? 0 : lastDay(dating, hours: hours, today: today) ?? Int.max
        return SuccessionBench.ListingKey(day: day, unmet: unmet, hours: hours, rank: place.rank, position: place.position, exact: false)
    }

    /// An entry's exact place in its band's order, from its group's plan.
    func exactKey(_ position: Int, plan: Plan) -> SuccessionBench.ListingKey {
        let entry = entries[position]
        let hours = plan.totals.hours.hundredths
        let day = !plan.complete ? Int.max : plan.steps.isEmpty ? 0 : Self.lastDay(pool.groups[entry.pace].datings[entry.position], hours: hours, today: today) ?? Int.max
        return SuccessionBench.ListingKey(day: day, unmet: plan.unmet.count, hours: hours, rank: pool.groups[entry.pace].idRanks[entry.position], position: position, exact: true)
    }
}

extension SuccessionBench {
    /// An entry's place in a band's order: (date, unmet, hours, id), exact or a lower bound. The id is its rank
    /// in the pool's order of ids (`Text.precedes`), so that building the order of 50,000 people compares no
    /// strings.
    struct ListingKey: Comparable {
        var day: Int
        var unmet: Int
        var hours: Int64
        var rank: Int
        var position: Int
        var exact: Bool

        static func < (left: ListingKey, right: ListingKey) -> Bool {
            if left.day != right.day { return left.day < right.day }
            if left.unmet != right.unmet { return left.unmet < right.unmet }
            if left.hours != right.hours { return left.hours < right.hours }
            if left.rank != right.rank { return left.rank < right.rank }
            return left.exact && !right.exact
        }
    }
}
