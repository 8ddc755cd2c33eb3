import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { InteractionPayload } from '../../shared/records'
import { recordInteraction, undoLastInteraction } from '../db/facts'
import { useStorageStore } from '../storage/storage-store'

type Attributes = Omit<InteractionPayload, 'topic' | 'groupSize'>
export type TapFeedback = { kind: 'saved' | 'undone'; topic: string; seq: number } | { kind: 'nothingToUndo'; seq: number }

/** The tap grid's state: the optional attributes of the next contact and the last outcome. */
export const useTapStore = defineStore('tap', () => {
  const attributes = reactive<Attributes>({})
  const groupSize = ref(1)
  const feedback = ref<TapFeedback | null>(null)
  let seq = 0

  function resetAttributes() {
    for (const key of Object.keys(attributes) as (keyof Attributes)[]) delete attributes[key]
    groupSize.value = 1
  }

  /** One tap = one contact. Says "saved" only after the strict transaction committed. */
  async function tap(eventId: string, topic: string): Promise<boolean> {
    const payload: InteractionPayload = { topic, groupSize: groupSize.value }
    for (const [key, value] of Object.entries(attributes)) if (value) Object.assign(payload, { [key]: value })
    try {
      await recordInteraction(eventId, payload)
    } catch (error) {
      useStorageStore().reportWriteError(error)
      return false
    }
    resetAttributes()
    feedback.value = { kind: 'saved', topic, seq: ++seq }
    return true
  }

  /** Voids the last contact of the event with a correction fact. */
  async function undo(eventId: string): Promise<boolean> {
    try {
      const undone = await undoLastInteraction(eventId)
      feedback.value = undone
        ? { kind: 'undone', topic: undone.payload.topic, seq: ++seq }
        : { kind: 'nothingToUndo', seq: ++seq }
      return Boolean(undone)
    } catch (error) {
      useStorageStore().reportWriteError(error)
      return false
    }
  }

  return { attributes, groupSize, feedback, tap, undo, resetAttributes }
})
